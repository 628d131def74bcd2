package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CrlReason;

/**
 * What the OCSP responder reads: the CAs it serves with their keys, kept for a minute so that signing per
 * request does not also mean reading every CA, and a certificate's status in the database.
 */
@ApplicationScoped
public class OcspLookups {

    private static final long SERVED_MAX_AGE_NANOS = 60_000_000_000L;
    private static final long RELOAD_ON_MISS_NANOS = 1_000_000_000L;

    @PersistenceContext
    EntityManager em;

    @Inject
    SigningKeys signingKeys;

    private final DigestCalculatorProvider digests = Signers.digests();
    private volatile Served served = new Served(List.of(), System.nanoTime() - SERVED_MAX_AGE_NANOS - 1);

    /**
     * The served CA that issued the certificate with this id; a request for an issuer not among those
     * loaded reloads them, at most once a second.
     */
    Optional<CaKeys> issuerOf(CertificateID id) {
        Served current = served;
        Optional<CaKeys> found = current.find(id, this);
        long now = System.nanoTime();
        boolean stale = now - current.loadedNanos() > SERVED_MAX_AGE_NANOS;
        if (found.isEmpty() && now - current.loadedNanos() > RELOAD_ON_MISS_NANOS || stale) {
            current = new Served(em.createQuery("SELECT a FROM CertificateAuthority a", CertificateAuthority.class)
                    .getResultStream().map(signingKeys::of).flatMap(Optional::stream).toList(), now);
            served = current;
            found = current.find(id, this);
        }
        return found;
    }

    /** The served CA of this alias, from memory only: empty when unknown or when the list is due a reload. */
    Optional<CaKeys> loaded(String alias) {
        Served current = served;
        if (System.nanoTime() - current.loadedNanos() <= SERVED_MAX_AGE_NANOS) {
            // a loop, not a stream: this runs for every answer signed from memory
            for (CaKeys ca : current.authorities()) {
                if (ca.alias().equals(alias)) {
                    return Optional.of(ca);
                }
            }
        }
        return Optional.empty();
    }

    boolean issuedBy(CertificateID id, CaKeys ca) {
        try {
            return id.matchesIssuer(ca.certificate(), digests);
        } catch (OCSPException e) {
            return false;
        }
    }

    /**
     * The certificate's status as the database has it now: good, revoked (time, reason, invalidity date) or
     * unknown, with its end of validity.
     */
    OcspStatus status(long authorityId, String serial) {
        List<Object[]> rows = em.createQuery("SELECT c.revoked, c.revokedAt, c.crlReason, c.invalidityDate, c.notAfter"
                        + " FROM Certificate c WHERE c.authority.id = :id AND c.serial = :serial", Object[].class)
                .setParameter("id", authorityId).setParameter("serial", serial).getResultList();
        if (rows.isEmpty()) {
            return OcspStatus.UNKNOWN;
        }
        Object[] row = rows.get(0);
        Instant notAfter = (Instant) row[4];
        if (!Boolean.TRUE.equals(row[0])) {
            return new OcspStatus(CertificateStatus.GOOD, null, notAfter);
        }
        int code = ((CrlReason) row[2]).code();
        return new OcspStatus(new RevokedStatus(new RevokedInfo(new ASN1GeneralizedTime(Date.from((Instant) row[1])),
                code == 0 ? null : CRLReason.lookup(code))), (Instant) row[3], notAfter);
    }

    private record Served(List<CaKeys> authorities, long loadedNanos) {

        Optional<CaKeys> find(CertificateID id, OcspLookups lookups) {
            return authorities.stream().filter(ca -> lookups.issuedBy(id, ca)).findFirst();
        }
    }
}
