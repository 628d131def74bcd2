package org.certrevoke.revocation.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.PersonalQuestion;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.control.CertificateSummary;
import org.certrevoke.revocation.control.HolderDirectory;
import org.certrevoke.revocation.control.HolderProofs;
import org.certrevoke.revocation.control.HolderQuery;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.ThrottlePolicies;
import org.certrevoke.security.control.Throttles;

/**
 * The holder's own revocation (seed 000 §1): e-mail and identity-document number find the
 * certificates, the three personal answers prove who is asking. Each step checks everything again:
 * nothing the browser sends is taken on trust.
 */
@PermitAll
@Stateless
public class HolderRevocations {

    @Inject
    HolderDirectory directory;

    @Inject
    HolderProofs proofs;

    @Inject
    Revocations revocations;

    @Inject
    Throttles throttles;

    @Inject
    ThrottlePolicies policies;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The questions a holder must answer before revoking that certificate. */
    public record Challenge(CertificateSummary certificate, List<String> questions) implements java.io.Serializable {
    }

    public List<CertificateSummary> search(HolderQuery query, String clientAddress) {
        try {
            throttles.reserve(policies.searchesPerAddress(), clientAddress);
        } catch (LockedOutException e) {
            audit.record(AuditEvent.of(AuditEventType.RATE_LIMITED, query.email(), clientAddress).saying("holder search"));
            throw e;
        }
        List<Certificate> found = directory.certificates(query);
        audit.record(AuditEvent.of(AuditEventType.HOLDER_SEARCH, query.email(), clientAddress)
                .saying("type=" + (query.type() == null ? "ALL" : query.type()) + " results=" + found.size()));
        return found.stream().map(certificate -> CertificateSummary.of(certificate, clock.instant())).toList();
    }

    public Challenge challenge(HolderQuery query, String serial, String clientAddress) {
        Certificate certificate = directory.certificate(query, serial);
        proofs.ensureNotLocked(certificate.getHolder(), clientAddress);
        return new Challenge(CertificateSummary.of(certificate, clock.instant()),
                certificate.getHolder().getQuestions().stream().map(PersonalQuestion::getQuestion).toList());
    }

    /** Checks the answers without revoking, so the holder can correct them before confirming. */
    public void prove(HolderQuery query, String serial, List<String> answers, String clientAddress) {
        proofs.prove(revocable(query, serial), answers, clientAddress);
    }

    public RevocationReceipt revoke(HolderQuery query, String serial, List<String> answers, RevocationReason reason,
                                    boolean someoneElseMayKnowPassword, String clientAddress) {
        if (reason == null || reason.operatorOnly()) {
            throw new IllegalArgumentException("reason not offered to holders: " + reason);
        }
        Certificate certificate = revocable(query, serial);
        proofs.prove(certificate, answers, clientAddress);
        return revocations.revoke(certificate.getId(), reason, reason.crlReason(someoneElseMayKnowPassword),
                Requester.holder(certificate.getHolder().getName().full()), clientAddress);
    }

    private Certificate revocable(HolderQuery query, String serial) {
        Certificate certificate = directory.certificate(query, serial);
        if (!CertificateSummary.of(certificate, clock.instant()).revocable()) {
            throw new RevocationRefusedException(certificate.stateAt(clock.instant()));
        }
        return certificate;
    }

}
