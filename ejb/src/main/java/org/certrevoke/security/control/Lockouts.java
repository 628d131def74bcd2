package org.certrevoke.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.notification.control.MailTexts;

/**
 * What every proof of identity does around its slow check (PRODUCT.md: "every failed proof counts", "an
 * attempt is counted before it is evaluated"): reserve the attempt against each subject and the client
 * address first, or refuse it unevaluated; give it back when the proof succeeds; when it fails, record the
 * failure and, if this very attempt is the one that locked a subject, record that lockout and tell the
 * subject's owner by e-mail, once however many attempts arrive together. The personal questions, the
 * cancellation codes and the enterprise access keys differ only in their {@link ProofLimits} and their
 * {@link ProofSubject}. Reserving commits on its own ({@link Throttles}); the records and mails join the
 * caller's transaction.
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

    /** Refuses with {@link LockedOutException.Why#PROOF_FAILURES} while the subject or the address is locked. */
    public void ensureNotLocked(ProofLimits limits, String subject, String clientAddress) {
        Optional<Instant> subjectLock = subjectLockedUntil(limits, subject);
        Optional<Instant> until = subjectLock.isPresent() ? subjectLock
                : throttles.lockedUntil(limits.perAddress(), clientAddress);
        if (until.isPresent()) {
            throw new LockedOutException(LockedOutException.Why.PROOF_FAILURES, until.get());
        }
    }

    /**
     * Takes one attempt from the client address's budget and from each subject's, before anything is
     * evaluated. When one of them is locked, records {@code refused} and throws {@link LockedOutException}
     * (with the refusing budget's {@link ThrottlePolicy#refusal()}); nothing is counted then.
     */
    public Reservation reserve(ProofLimits limits, List<String> subjects, String clientAddress, AuditEvent refused) {
        List<Throttles.Budget> budgets = Stream.concat(
                Stream.of(new Throttles.Budget(limits.perAddress(), clientAddress)),
                subjects.stream().map(subject -> new Throttles.Budget(limits.perSubject(), subject))).toList();
        try {
            return throttles.reserve(budgets);
        } catch (LockedOutException e) {
            audit.record(refused.saying(refused.details() + " refused until " + e.until()));
            throw e;
        }
    }

    /** A successful proof gives its attempt back, and lifts a lock it set. */
    public void succeeded(Reservation reservation) {
        throttles.release(reservation);
    }

    /**
     * Records {@code failure} of a reserved attempt, then the lockout of every subject this attempt locked, and
     * mails their notices. Returns the end of the first lock it set, if any; the caller decides what the person
     * is told.
     */
    public Optional<Instant> failed(ProofLimits limits, Reservation reservation, AuditEvent failure,
                                    List<ProofSubject> subjects) {
        audit.record(failure);
        List<Locked> locked = new ArrayList<>();
        for (ProofSubject subject : subjects) {
            reservation.lockSet(limits.perSubject(), subject.key()).ifPresent(until -> locked.add(new Locked(subject, until)));
        }
        locked.forEach(lock -> notify(lock, failure.clientAddress()));
        return locked.stream().map(Locked::until).findFirst();
    }

    /**
     * {@link #failed} for one subject, refusing with {@link LockedOutException.Why#PROOF_FAILURES} when this
     * failure locked it. Returns normally otherwise, for the caller to say the proof was wrong.
     */
    public void failedOrLockOut(ProofLimits limits, Reservation reservation, AuditEvent failure, ProofSubject subject) {
        failed(limits, reservation, failure, List.of(subject)).ifPresent(until -> {
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
