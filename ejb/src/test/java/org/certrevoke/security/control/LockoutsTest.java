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
import org.certrevoke.platform.control.SupportContact;
import org.certrevoke.security.entity.Throttle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reserve-evaluate-record sequence shared by every proof, on in-memory counters, audit log and outbox. */
class LockoutsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final ProofLimits LIMITS = new ProofLimits(
            new ThrottlePolicy("subject", 3, Duration.ofHours(24), Duration.ofHours(1),
                    LockedOutException.Why.PROOF_FAILURES),
            new ThrottlePolicy("address", 5, Duration.ofHours(1), Duration.ofHours(1),
                    LockedOutException.Why.PROOF_FAILURES));
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

            @Override
            protected SupportContact support() {
                return SUPPORT;
            }
        };
    }

    private static final SupportContact SUPPORT = SupportContact.of("Assistance", "1 rue du Port;29200 Brest", "+33 2 98 00 00 00",
                "support@ca.example", "du lundi au vendredi, 9 h – 18 h", "Monday to Friday, 9 am – 6 pm");

    @Test
    void aFailureBelowTheLimitIsCountedForSubjectAndAddressBeforeItIsEvaluatedAndRecordedWithoutMail() {
        Reservation reservation = lockouts.reserve(LIMITS, List.of("42"), ADDRESS, refused());

        assertEquals(1, throttles.attempts("subject:42"));
        assertEquals(1, throttles.attempts("address:" + ADDRESS));
        assertEquals(Optional.empty(), lockouts.failed(LIMITS, reservation, failure(), List.of(holder("42"))));
        assertEquals(List.of(AuditEventType.PROOF_FAILED), types());
        assertEquals(0, mailed.size());
    }

    @Test
    void theAttemptThatReachesTheLimitRecordsTheLockoutAndMailsEveryRecipientWithItsEnd() {
        ProofSubject subject = new ProofSubject("ORG-1", "ORG-1", null, "enterprise login", "enterprise.lockout",
                List.of(new ProofSubject.Recipient("a@example.test", List.of("Anne A", "ORG-1")),
                        new ProofSubject.Recipient("b@example.test", List.of("Bruno B", "ORG-1"))));
        Reservation first = lockouts.reserve(LIMITS, List.of("ORG-1"), ADDRESS, refused());
        Reservation second = lockouts.reserve(LIMITS, List.of("ORG-1"), ADDRESS, refused());
        Reservation third = lockouts.reserve(LIMITS, List.of("ORG-1"), ADDRESS, refused());

        Optional<Instant> locked = lockouts.failed(LIMITS, third, failure(), List.of(subject));
        lockouts.failed(LIMITS, first, failure(), List.of(subject));
        lockouts.failed(LIMITS, second, failure(), List.of(subject));

        assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), locked);
        assertEquals(List.of(AuditEventType.PROOF_FAILED, AuditEventType.LOCKOUT, AuditEventType.PROOF_FAILED,
                AuditEventType.PROOF_FAILED), types(), "one lockout, by the attempt that set it");
        AuditEvent lockout = recorded.get(1);
        assertEquals("ORG-1", lockout.actor());
        assertEquals(ADDRESS, lockout.clientAddress());
        assertEquals("enterprise login locked until " + locked.get(), lockout.details());
        assertEquals(List.of("a@example.test", "b@example.test"), mailed.stream().map(mail -> mail[0]).toList());
        assertTrue(mailed.get(1)[2].contains("+33 2 98 00 00 00") && mailed.get(1)[2].contains("Monday to Friday, 9 am – 6 pm"),
                "the alert mail says how to reach the support: " + mailed.get(1)[2]);
        assertTrue(mailed.get(1)[2].contains("Bruno B") && mailed.get(1)[2].contains("ORG-1")
                && mailed.get(1)[2].contains("<" + locked.get() + ">"), mailed.get(1)[2]);
    }

    @Test
    void anAttemptBeyondTheLimitIsRefusedUncountedAndRecordedAsRefused() {
        for (int i = 0; i < 3; i++) {
            lockouts.reserve(LIMITS, List.of("7"), ADDRESS, refused());
        }

        LockedOutException locked = assertThrows(LockedOutException.class,
                () -> lockouts.reserve(LIMITS, List.of("7"), "198.51.100.1", refused()));

        assertEquals(LockedOutException.Why.PROOF_FAILURES, locked.why());
        assertEquals(NOW.plus(Duration.ofHours(1)), locked.until());
        assertEquals(List.of(AuditEventType.RATE_LIMITED), types());
        assertEquals("personal questions refused until " + locked.until(), recorded.get(0).details());
        assertEquals(Optional.empty(), throttles.row("address:198.51.100.1").map(Throttle::getAttempts).filter(n -> n > 0),
                "the refused attempt counted nothing");
    }

    @Test
    void aLockedAddressIsRefusedWhicheverSubjectItAimsAt() {
        for (int i = 0; i < 5; i++) {
            lockouts.reserve(LIMITS, List.of("h" + i), ADDRESS, refused());
        }

        assertThrows(LockedOutException.class, () -> lockouts.reserve(LIMITS, List.of("someone-new"), ADDRESS, refused()));
        lockouts.reserve(LIMITS, List.of("someone-new"), "198.51.100.1", refused());
    }

    @Test
    void aSuccessGivesItsAttemptBackAndLiftsTheLockItSet() {
        lockouts.reserve(LIMITS, List.of("9"), ADDRESS, refused());
        lockouts.reserve(LIMITS, List.of("9"), ADDRESS, refused());
        Reservation third = lockouts.reserve(LIMITS, List.of("9"), ADDRESS, refused());

        lockouts.succeeded(third);

        assertEquals(2, throttles.attempts("subject:9"));
        lockouts.reserve(LIMITS, List.of("9"), ADDRESS, refused());
        assertThrows(LockedOutException.class, () -> lockouts.reserve(LIMITS, List.of("9"), ADDRESS, refused()));
    }

    private static AuditEvent failure() {
        return AuditEvent.of(AuditEventType.PROOF_FAILED, "claire@example.test", ADDRESS).saying("personal questions");
    }

    private static AuditEvent refused() {
        return AuditEvent.of(AuditEventType.RATE_LIMITED, "claire@example.test", ADDRESS).saying("personal questions");
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
            return row(policy.subject(key)).filter(throttle -> throttle.isLockedAt(NOW)).map(Throttle::getLockedUntil);
        }

        @Override
        public Reservation reserve(List<Budget> budgets) {
            for (Budget budget : budgets) {
                Throttle throttle = rows.computeIfAbsent(budget.policy().subject(budget.key()), subject -> new Throttle(subject, NOW));
                if (throttle.refusesAt(NOW, budget.policy().window(), budget.policy().limit())) {
                    throw new LockedOutException(budget.policy().refusal(), throttle.refusedUntil(budget.policy().window()));
                }
            }
            return new Reservation(budgets.stream().map(budget -> new Reservation.Taken(budget.policy().subject(budget.key()),
                    rows.get(budget.policy().subject(budget.key())).take(NOW, budget.policy().window(),
                            budget.policy().limit(), budget.policy().lockFor()).orElse(null))).toList());
        }

        @Override
        public void release(Reservation reservation) {
            reservation.taken().forEach(taken -> rows.get(taken.subject()).giveBack(taken.lockSet()));
        }

        Optional<Throttle> row(String subject) {
            return Optional.ofNullable(rows.get(subject));
        }

        int attempts(String subject) {
            return rows.get(subject).getAttempts();
        }
    }
}
