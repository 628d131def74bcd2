package org.certrevoke.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.security.control.Lockouts;
import org.certrevoke.security.control.ProofLimits;
import org.certrevoke.security.control.ProofSubject;
import org.certrevoke.security.control.Reservation;
import org.certrevoke.security.control.ThrottlePolicies;

/**
 * Checks the three answers as one secret. Each attempt is counted for the holder and for the client
 * address before the answers are hashed, so a locked holder is refused even the right answers; the
 * failure that locks the holder out also tells the holder by e-mail. Whoever types the
 * answers (the holder online, an operator on the phone), the same lockout applies.
 */
@ApplicationScoped
public class HolderProofs {

    private static final String WHAT = "personal questions";

    @Inject
    PersonalAnswers personalAnswers;

    @Inject
    Lockouts lockouts;

    @Inject
    ThrottlePolicies policies;

    @Inject
    AuditLog audit;

    public void ensureNotLocked(Holder holder, String clientAddress) {
        lockouts.ensureNotLocked(policies.personalQuestions(), key(holder), clientAddress);
    }

    public void prove(Certificate certificate, List<String> answers, String clientAddress) {
        Holder holder = certificate.getHolder();
        ProofLimits limits = policies.personalQuestions();
        Reservation reservation = lockouts.reserve(limits, List.of(key(holder)), clientAddress,
                event(AuditEventType.RATE_LIMITED, certificate, clientAddress));
        if (personalAnswers.match(holder, answers)) {
            lockouts.succeeded(reservation);
            audit.record(event(AuditEventType.PROOF_SUCCEEDED, certificate, clientAddress));
            return;
        }
        lockouts.failedOrLockOut(limits, reservation, event(AuditEventType.PROOF_FAILED, certificate, clientAddress),
                new ProofSubject(key(holder), holder.getEmail(), certificate.getSerial(), "holder flow", "lockout",
                        List.of(new ProofSubject.Recipient(holder.getEmail(), List.of(holder.getName().full())))));
        throw new WrongAnswersException();
    }

    private static AuditEvent event(AuditEventType type, Certificate certificate, String clientAddress) {
        return AuditEvent.of(type, certificate.getHolder().getEmail(), clientAddress).about(certificate.getSerial())
                .saying(WHAT);
    }

    private static String key(Holder holder) {
        return Long.toString(holder.getId());
    }
}
