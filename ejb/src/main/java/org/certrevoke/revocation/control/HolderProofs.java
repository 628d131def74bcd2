package org.certrevoke.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.PersonalQuestion;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.Lockouts;
import org.certrevoke.security.control.ProofLimits;
import org.certrevoke.security.control.ProofSubject;
import org.certrevoke.security.control.SecretHasher;
import org.certrevoke.security.control.ThrottlePolicies;

/**
 * Checks the three answers as one secret. Every failure counts for the holder and for the client
 * address; the failure that locks the holder out also tells the holder by e-mail. Whoever types the
 * answers (the holder online, an operator on the phone), the same lockout applies.
 */
@ApplicationScoped
public class HolderProofs {

    private static final int LONGEST_ANSWER = 200;
    private static final String WHAT = "personal questions";

    @Inject
    SecretHasher hasher;

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
        lockouts.ensureNotLocked(limits, key(holder), clientAddress);
        if (matches(holder, answers)) {
            lockouts.succeeded(limits, key(holder));
            audit.record(AuditEvent.of(AuditEventType.PROOF_SUCCEEDED, holder.getEmail(), clientAddress)
                    .about(certificate.getSerial()).saying(WHAT));
            return;
        }
        lockouts.countFailureOrLockOut(limits,
                AuditEvent.of(AuditEventType.PROOF_FAILED, holder.getEmail(), clientAddress)
                        .about(certificate.getSerial()).saying(WHAT),
                new ProofSubject(key(holder), holder.getEmail(), certificate.getSerial(), "holder flow", "lockout",
                        List.of(new ProofSubject.Recipient(holder.getEmail(), List.of(holder.getName().full())))));
        throw new WrongAnswersException();
    }

    private boolean matches(Holder holder, List<String> answers) {
        List<String> stored = holder.getQuestions().stream().map(PersonalQuestion::getAnswerHash).toList();
        if (answers == null || answers.size() != stored.size()
                || answers.stream().anyMatch(answer -> answer == null || answer.length() > LONGEST_ANSWER)) {
            return false;
        }
        return hasher.matchesAll(answers.stream().map(AnswerNormaliser::normalise).toList(), stored);
    }

    private static String key(Holder holder) {
        return Long.toString(holder.getId());
    }
}
