package org.certrevoke.publication.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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

    /** The number and dates of a CA's latest CRL, read without its bytes. */
    public record CrlHead(long number, Instant thisUpdate, Instant nextUpdate) {
    }

    /**
     * The number and dates of the CA's latest CRL, without reading its bytes: a server that already holds
     * that CRL serves it, or answers 304, without them.
     */
    public Optional<CrlHead> latestCrl(String authorityAlias) {
        return em.createQuery("SELECT c.crlNumber, c.thisUpdate, c.nextUpdate FROM PublishedCrl c, CertificateAuthority a"
                        + " WHERE a.alias = :alias AND c.authorityId = a.id AND c.thisUpdate IS NOT NULL", Object[].class)
                .setParameter("alias", authorityAlias).getResultStream().findFirst()
                .map(row -> new CrlHead((Long) row[0], (Instant) row[1], (Instant) row[2]));
    }

    /** The CA's latest CRL, its bytes included. */
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
