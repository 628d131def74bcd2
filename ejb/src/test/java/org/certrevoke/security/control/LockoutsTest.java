package org.certrevoke.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.audit.entity.AuditRecord;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.notification.control.MailTexts;
import org.certrevoke.security.entity.Throttle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lockout sequence shared by every proof, on in-memory counters, audit log and outbox. */
class LockoutsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final ProofLimits LIMITS = new ProofLimits(
            new ThrottlePolicy("subject", 3, Duration.ofHours(24), Duration.ofHours(1)),
            new ThrottlePolicy("address", 5, Duration.ofHours(1), Duration.ofHours(1)));
    private static final String ADDRESS = "192.0.2.7";

    private final CountingThrottles throttles = new CountingThrottles();
    private final List<AuditEvent> recorded = new ArrayList<>();
    private final List<String[]> mailed = new ArrayList<>();
    private final Lockouts lockouts = new Lockouts();

    @BeforeEach
    void wire() {
        lockouts.throttles = throttles;
        lockouts.audit = new AuditLog() {
            @Override
            public AuditRecord record(AuditEvent event) {
                recorded.add(event);
                return null;
            }
        };
        lockouts.outbox = new Outbox() {
            @Override
            public void enqueue(String recipient, String subject, String body) {
                mailed.add(new String[] {recipient, subject, body});
            }
        };
        lockouts.texts = new MailTexts() {
            @Override
            public String dateTime(Instant instant) {
                return "<" + instant + ">";
            }
        };
    }

    @Test
    void aFailureBelowTheLimitCountsSubjectAndAddressAndIsRecordedWithoutMail() {
        Optional<Instant> locked = lockouts.countFailure(LIMITS, failure(), List.of(holder("42")));

        assertEquals(Optional.empty(), locked);
        assertEquals(1, throttles.attempts("subject:42"));
        assertEquals(1, throttles.attempts("address:" + ADDRESS));
        assertEquals(List.of(AuditEventType.PROOF_FAILED), types());
        assertEquals(0, mailed.size());
    }

    @Test
    void theFailureThatReachesTheLimitRecordsTheLockoutAndMailsEveryRecipientWithItsEnd() {
        ProofSubject subject = new ProofSubject("ORG-1", "ORG-1", null, "enterprise login", "enterprise.lockout",
                List.of(new ProofSubject.Recipient("a@example.test", List.of("Anne A", "ORG-1")),
                        new ProofSubject.Recipient("b@example.test", List.of("Bruno B", "ORG-1"))));
        lockouts.countFailure(LIMITS, failure(), List.of(subject));
        lockouts.countFailure(LIMITS, failure(), List.of(subject));

        Optional<Instant> locked = lockouts.countFailure(LIMITS, failure(), List.of(subject));

        assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), locked);
        assertEquals(List.of(AuditEventType.PROOF_FAILED, AuditEventType.PROOF_FAILED, AuditEventType.PROOF_FAILED,
                AuditEventType.LOCKOUT), types());
        AuditEvent lockout = recorded.get(3);
        assertEquals("ORG-1", lockout.actor());
        assertEquals(ADDRESS, lockout.clientAddress());
        assertEquals("enterprise login locked until " + locked.get(), lockout.details());
        assertEquals(List.of("a@example.test", "b@example.test"), mailed.stream().map(mail -> mail[0]).toList());
        assertTrue(mailed.get(1)[2].contains("Bruno B") && mailed.get(1)[2].contains("ORG-1")
                && mailed.get(1)[2].contains("<" + locked.get() + ">"), mailed.get(1)[2]);
    }

    @Test
    void oneFailureCountsAgainstEverySubjectButOnceAgainstTheAddress() {
        lockouts.countFailure(LIMITS, failure(), List.of(holder("1"), holder("2")));

        assertEquals(1, throttles.attempts("subject:1"));
        assertEquals(1, throttles.attempts("subject:2"));
        assertEquals(1, throttles.attempts("address:" + ADDRESS));
    }

    @Test
    void aSingleSubjectIsRefusedWhenItsFailureLocksIt() {
        ProofSubject holder = holder("7");
        lockouts.countFailureOrLockOut(LIMITS, failure(), holder);
        lockouts.countFailureOrLockOut(LIMITS, failure(), holder);

        LockedOutException locked = assertThrows(LockedOutException.class,
                () -> lockouts.countFailureOrLockOut(LIMITS, failure(), holder));

        assertEquals(LockedOutException.Why.PROOF_FAILURES, locked.why());
        assertEquals(NOW.plus(Duration.ofHours(1)), locked.until());
        assertEquals(List.of("claire@example.test"), mailed.stream().map(mail -> mail[0]).toList());
        assertThrows(LockedOutException.class, () -> lockouts.ensureNotLocked(LIMITS, "7", "198.51.100.1"));
    }

    @Test
    void aLockedAddressIsRefusedWhicheverSubjectItAimsAt() {
        for (int i = 0; i < 5; i++) {
            lockouts.countFailure(LIMITS, failure(), List.of(holder("h" + i)));
        }

        assertThrows(LockedOutException.class, () -> lockouts.ensureNotLocked(LIMITS, "someone-new", ADDRESS));
        lockouts.ensureNotLocked(LIMITS, "someone-new", "198.51.100.1");
    }

    @Test
    void successForgetsTheSubjectsFailures() {
        lockouts.countFailure(LIMITS, failure(), List.of(holder("9")));
        lockouts.countFailure(LIMITS, failure(), List.of(holder("9")));

        lockouts.succeeded(LIMITS, "9");
        lockouts.countFailureOrLockOut(LIMITS, failure(), holder("9"));

        assertEquals(1, throttles.attempts("subject:9"));
    }

    private static AuditEvent failure() {
        return AuditEvent.of(AuditEventType.PROOF_FAILED, "claire@example.test", ADDRESS).saying("personal questions");
    }

    private static ProofSubject holder(String id) {
        return new ProofSubject(id, "claire@example.test", "0A1B", "holder flow", "lockout",
                List.of(new ProofSubject.Recipient("claire@example.test", List.of("Claire Martin"))));
    }

    private List<AuditEventType> types() {
        return recorded.stream().map(AuditEvent::type).toList();
    }

    /** The real counting rules of {@link Throttle}, kept in a map at a fixed moment. */
    private static final class CountingThrottles extends Throttles {

        private final Map<String, Throttle> rows = new HashMap<>();

        @Override
        public Optional<Instant> lockedUntil(ThrottlePolicy policy, String key) {
            Throttle throttle = rows.get(policy.subject(key));
            return throttle != null && throttle.isLockedAt(NOW) ? Optional.of(throttle.getLockedUntil()) : Optional.empty();
        }

        @Override
        public Optional<Instant> count(ThrottlePolicy policy, String key) {
            Throttle throttle = rows.computeIfAbsent(policy.subject(key), subject -> new Throttle(subject, NOW));
            return throttle.count(NOW, policy.window(), policy.limit(), policy.lockFor())
                    ? Optional.of(throttle.getLockedUntil()) : Optional.empty();
        }

        @Override
        public void reset(ThrottlePolicy policy, String key) {
            Optional.ofNullable(rows.get(policy.subject(key))).ifPresent(Throttle::reset);
        }

        int attempts(String subject) {
            return rows.get(subject).getAttempts();
        }
    }
}
