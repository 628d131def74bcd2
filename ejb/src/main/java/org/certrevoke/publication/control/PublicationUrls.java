package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where relying parties find a CA's status, as pages and e-mails tell holders; the same addresses the
 * certificates' CRL distribution point and AIA extensions carry.
 */
@ApplicationScoped
public class PublicationUrls {

    @Inject
    @ConfigProperty(name = "certrevoke.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public String crl(String authorityAlias) {
        return base() + "/crl/" + authorityAlias + ".crl";
    }

    public String caCertificate(String authorityAlias) {
        return base() + "/ca/" + authorityAlias + ".crt";
    }

    public String ocsp() {
        return base() + "/ocsp";
    }

    private String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
