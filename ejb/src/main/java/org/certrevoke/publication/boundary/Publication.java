package org.certrevoke.publication.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.certrevoke.publication.entity.PublishedCrl;
import org.certrevoke.registry.entity.CertificateAuthority;

/**
 * What relying parties fetch: a CA's latest CRL and certificate. Read-only; the CRLs are issued by the
 * schedule, never on request. OCSP answers do not go through here: the servlet calls the responder
 * directly, see {@code publication.web.OcspEndpoint}.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Publication {

    @PersistenceContext
    EntityManager em;

    public Optional<PublishedCrl> crl(String authorityAlias) {
        return authority(authorityAlias).map(authority -> em.find(PublishedCrl.class, authority.getId()))
                .filter(PublishedCrl::isIssued);
    }

    public Optional<byte[]> caCertificate(String authorityAlias) {
        return authority(authorityAlias).map(CertificateAuthority::getCertificateDer);
    }

    private Optional<CertificateAuthority> authority(String alias) {
        return em.createNamedQuery(CertificateAuthority.BY_ALIAS, CertificateAuthority.class)
                .setParameter("alias", alias).getResultStream().findFirst();
    }
}
