package org.certrevoke.revocation.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.revocation.control.CertificateRevoked;
import org.certrevoke.revocation.control.CertificateSummary;
import org.certrevoke.revocation.control.HolderDirectory;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.revocation.control.UnknownCertificateException;

/**
 * The one place where a certificate is revoked, whoever asked for it. The row is locked first, so of
 * two simultaneous revocations one wins and the other is refused as already revoked; audit and mail
 * observe {@link CertificateRevoked} and commit in the same transaction.
 */
@PermitAll
@Stateless
public class Revocations {

    @Inject
    HolderDirectory directory;

    @Inject
    Event<CertificateRevoked> revoked;

    @Inject
    Clock clock;

    public RevocationReceipt revoke(long certificateId, RevocationReason reason, CrlReason published,
                                    Requester requester, String clientAddress) {
        Certificate certificate = directory.certificateForUpdate(certificateId);
        if (certificate == null) {
            throw new UnknownCertificateException();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        certificate.revoke(now, reason, published, requester);
        revoked.fire(new CertificateRevoked(certificate.getId(), certificate.getSerial(),
                certificate.getAuthority().getAlias(), certificate.getHolder().getName().full(),
                certificate.getHolder().getEmail(), certificate.getHolder().getOrganisation().getId(), reason,
                published, now, requester, clientAddress));
        return new RevocationReceipt(certificate.getSerial(), CertificateSummary.of(certificate, now).commonName(),
                now, reason, published, certificate.getAuthority().getAlias());
    }
}
