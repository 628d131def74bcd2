package org.certrevoke.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.notification.control.MailTexts;

/**
 * What every proof of identity does when it fails (PRODUCT.md: "every failed proof counts"): count
 * the failure per subject and per client address, record it, and when it is the one that reaches the
 * subject's limit, record the lockout and tell the subject's owner by e-mail. The personal questions,
 * the cancellation codes and the enterprise access keys differ only in their {@link ProofLimits} and
 * their {@link ProofSubject}. Counting commits on its own ({@link Throttles}); the records and mails
 * join the caller's transaction.
 */
@ApplicationScoped
public class Lockouts {

    @Inject
    Throttles throttles;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    MailTexts texts;

    public Optional<Instant> subjectLockedUntil(ProofLimits limits, String subject) {
        return throttles.lockedUntil(limits.perSubject(), subject);
    }

    public Optional<Instant> addressLockedUntil(ProofLimits limits, String clientAddress) {
        return throttles.lockedUntil(limits.perAddress(), clientAddress);
    }

    /** Refuses with {@link LockedOutException.Why#PROOF_FAILURES} while the subject or the address is locked. */
    public void ensureNotLocked(ProofLimits limits, String subject, String clientAddress) {
        Optional<Instant> subjectLock = subjectLockedUntil(limits, subject);
        Optional<Instant> until = subjectLock.isPresent() ? subjectLock : addressLockedUntil(limits, clientAddress);
        if (until.isPresent()) {
            throw new LockedOutException(LockedOutException.Why.PROOF_FAILURES, until.get());
        }
    }

    /** A successful proof forgets the subject's failures counted so far; a running lock stays. */
    public void succeeded(ProofLimits limits, String subject) {
        throttles.reset(limits.perSubject(), subject);
    }

    /**
     * Counts one failed proof against each subject and against the failure's client address, records
     * {@code failure}, then the lockout of every subject this failure locks, and mails their notices.
     * Returns the end of the first lock set, if any; the caller decides what the person is told.
     */
    public Optional<Instant> countFailure(ProofLimits limits, AuditEvent failure, List<ProofSubject> subjects) {
        List<Locked> locked = new ArrayList<>();
        for (ProofSubject subject : subjects) {
            throttles.count(limits.perSubject(), subject.key()).ifPresent(until -> locked.add(new Locked(subject, until)));
        }
        throttles.count(limits.perAddress(), failure.clientAddress());
        audit.record(failure);
        locked.forEach(lock -> notify(lock, failure.clientAddress()));
        return locked.stream().map(Locked::until).findFirst();
    }

    /**
     * {@link #countFailure} for one subject, refusing with {@link LockedOutException.Why#PROOF_FAILURES}
     * when this failure locks it. Returns normally otherwise, for the caller to say the proof was wrong.
     */
    public void countFailureOrLockOut(ProofLimits limits, AuditEvent failure, ProofSubject subject) {
        countFailure(limits, failure, List.of(subject)).ifPresent(until -> {
            throw new LockedOutException(LockedOutException.Why.PROOF_FAILURES, until);
        });
    }

    private void notify(Locked lock, String clientAddress) {
        ProofSubject subject = lock.subject();
        audit.record(new AuditEvent(AuditEventType.LOCKOUT, subject.actor(), clientAddress, subject.serial(),
                subject.flow() + " locked until " + lock.until()));
        String until = texts.dateTime(lock.until());
        for (ProofSubject.Recipient recipient : subject.recipients()) {
            List<Object> arguments = new ArrayList<>(recipient.arguments());
            arguments.add(until);
            MailTexts.Mail mail = texts.compose(subject.template(), arguments.toArray());
            outbox.enqueue(recipient.email(), mail.subject(), mail.body());
        }
    }

    private record Locked(ProofSubject subject, Instant until) {
    }
}
