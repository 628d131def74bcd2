package org.certrevoke.revocation.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.revocation.control.CertificateSummary;
import org.certrevoke.revocation.control.CodeProofs;
import org.certrevoke.revocation.control.CodeQuery;
import org.certrevoke.revocation.control.RevocationReceipt;

/**
 * Cancellation with the per-certificate code (seed 001): e-mail, name and code find one certificate,
 * which may then be revoked. The code is checked again when revoking, and stops working with the
 * revocation, since only valid certificates are matched.
 */
@PermitAll
@Stateless
public class CodeCancellations {

    @Inject
    CodeProofs proofs;

    @Inject
    Revocations revocations;

    @Inject
    Clock clock;

    public CertificateSummary find(CodeQuery query, String clientAddress) {
        return CertificateSummary.of(proofs.prove(query, clientAddress), clock.instant());
    }

    public RevocationReceipt revoke(CodeQuery query, RevocationReason reason, boolean someoneElseMayKnowPassword,
                                    String clientAddress) {
        if (reason == null || reason.operatorOnly()) {
            throw new IllegalArgumentException("reason not offered to holders: " + reason);
        }
        Certificate certificate = proofs.prove(query, clientAddress);
        return revocations.revoke(certificate.getId(), reason, reason.crlReason(someoneElseMayKnowPassword),
                new Requester(Requester.Kind.CANCELLATION_CODE, certificate.getHolder().getName().full()), clientAddress);
    }
}
