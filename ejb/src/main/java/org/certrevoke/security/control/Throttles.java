package org.certrevoke.security.control;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certrevoke.security.entity.Throttle;

/**
 * Rate limits and lockouts on the database, so they hold across a cluster and a restart. An attempt is
 * reserved before it is evaluated: the counter rows of its budgets are locked, checked and counted in one
 * short transaction of its own ({@link ThrottleRows}), which commits before the slow check starts. A burst
 * of parallel attempts queues on the rows and only the limit gets through; the reservation stands even when
 * the caller's work is rolled back. Missing rows are created first, in a transaction of their own, so that
 * a caller never holds more than two connections however many attempts arrive.
 */
@ApplicationScoped
public class Throttles {

    @Inject
    ThrottleRows rows;

    @Inject
    Clock clock;

    /** One budget an attempt spends: the policy's counter for one key (an address, a holder, an identifier). */
    public record Budget(ThrottlePolicy policy, String key) {

        String subject() {
            return policy.subject(key);
        }
    }

    /** When the subject is locked, the moment the lock ends. Read afresh, outside the caller's transaction. */
    public Optional<Instant> lockedUntil(ThrottlePolicy policy, String key) {
        Throttle throttle = rows.read(policy.subject(key));
        return throttle != null && throttle.isLockedAt(clock.instant())
                ? Optional.of(throttle.getLockedUntil()) : Optional.empty();
    }

    /**
     * Takes one attempt from every budget, or from none: when one of them is locked or full, refuses with
     * {@link LockedOutException} (the first such budget's {@link ThrottlePolicy#refusal()} and the moment it
     * may be tried again) and counts nothing.
     */
    public Reservation reserve(List<Budget> budgets) {
        List<String> missing = budgets.stream().map(Budget::subject).distinct()
                .filter(subject -> rows.read(subject) == null).sorted().toList();
        for (String subject : missing) {
            try {
                rows.create(List.of(subject));
            } catch (EJBException createdElsewhereAtTheSameTime) {
                // the row exists now either way; one row a transaction, so that losing this race
                // never rolls back another row created alongside it
            }
        }
        return rows.reserve(budgets);
    }

    public Reservation reserve(ThrottlePolicy policy, String key) {
        return reserve(List.of(new Budget(policy, key)));
    }

    /** Gives back the attempts of a reservation whose proof succeeded, and lifts the locks it set. */
    public void release(Reservation reservation) {
        rows.release(reservation);
    }
}
