package org.certrevoke.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.notification.control.MailTexts;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.PersonalQuestion;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.SecretHasher;
import org.certrevoke.security.control.ThrottlePolicies;
import org.certrevoke.security.control.ThrottlePolicy;
import org.certrevoke.security.control.Throttles;

/**
 * Checks the three answers as one secret. Every failure counts for the holder and for the client
 * address; the failure that locks the holder out also tells the holder by e-mail.
 */
@ApplicationScoped
public class HolderProofs {

    private static final int LONGEST_ANSWER = 200;

    @Inject
    SecretHasher hasher;

    @Inject
    Throttles throttles;

    @Inject
    ThrottlePolicies policies;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    MailTexts texts;

    public void ensureNotLocked(Holder holder, String clientAddress) {
        Optional<Instant> holderLock = throttles.lockedUntil(policies.proofFailuresPerHolder(), key(holder));
        Optional<Instant> addressLock = throttles.lockedUntil(policies.proofFailuresPerAddress(), clientAddress);
        Optional<Instant> until = holderLock.isPresent() ? holderLock : addressLock;
        if (until.isPresent()) {
            throw new LockedOutException(LockedOutException.Why.PROOF_FAILURES, until.get());
        }
    }

    public void prove(Certificate certificate, List<String> answers, String clientAddress) {
        Holder holder = certificate.getHolder();
        ensureNotLocked(holder, clientAddress);
        ThrottlePolicy perHolder = policies.proofFailuresPerHolder();
        AuditEvent event = AuditEvent.of(AuditEventType.PROOF_SUCCEEDED, holder.getEmail(), clientAddress)
                .about(certificate.getSerial()).saying("personal questions");
        if (matches(holder, answers)) {
            throttles.reset(perHolder, key(holder));
            audit.record(event);
            return;
        }
        Optional<Instant> holderLockedUntil = throttles.count(perHolder, key(holder));
        throttles.count(policies.proofFailuresPerAddress(), clientAddress);
        audit.record(new AuditEvent(AuditEventType.PROOF_FAILED, event.actor(), clientAddress,
                certificate.getSerial(), "personal questions"));
        if (holderLockedUntil.isPresent()) {
            lockedOut(holder, certificate, clientAddress, holderLockedUntil.get());
            throw new LockedOutException(LockedOutException.Why.PROOF_FAILURES, holderLockedUntil.get());
        }
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

    private void lockedOut(Holder holder, Certificate certificate, String clientAddress, Instant until) {
        audit.record(new AuditEvent(AuditEventType.LOCKOUT, holder.getEmail(), clientAddress,
                certificate.getSerial(), "holder flow locked until " + until));
        MailTexts.Mail mail = texts.compose("lockout", holder.getName().full(), texts.dateTime(until));
        outbox.enqueue(holder.getEmail(), mail.subject(), mail.body());
    }

    private static String key(Holder holder) {
        return Long.toString(holder.getId());
    }
}
