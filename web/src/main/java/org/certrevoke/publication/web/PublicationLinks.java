package org.certrevoke.publication.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.certrevoke.publication.control.PublicationUrls;

/** Lets result pages say where a revocation is published. */
@Named
@ApplicationScoped
public class PublicationLinks {

    @Inject
    PublicationUrls urls;

    public String crl(String authorityAlias) {
        return urls.crl(authorityAlias);
    }

    public String ocsp() {
        return urls.ocsp();
    }
}
