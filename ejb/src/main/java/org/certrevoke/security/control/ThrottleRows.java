package org.certrevoke.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certrevoke.security.entity.Throttle;

/**
 * The counter rows, each use in a short transaction of its own that commits before the caller goes on.
 * Creating is apart from counting: when two servers create the same row at once, only the loser's tiny
 * transaction fails, and the row exists for both afterwards. Rows are locked in the order of their subjects,
 * so that two reservations never wait on each other.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ThrottleRows {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void create(List<String> subjects) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (String subject : subjects) {
            if (em.find(Throttle.class, subject) == null) {
                em.persist(new Throttle(subject, now));
            }
        }
        em.flush();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Throttle read(String subject) {
        return em.find(Throttle.class, subject);
    }

    /** See {@link Throttles#reserve}. */
    public Reservation reserve(List<Throttles.Budget> budgets) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Throttle> locked = new LinkedHashMap<>();
        budgets.stream().map(Throttles.Budget::subject).distinct().sorted(Comparator.naturalOrder())
                .forEach(subject -> locked.put(subject, lock(subject, now)));
        for (Throttles.Budget budget : budgets) {
            ThrottlePolicy policy = budget.policy();
            Throttle throttle = locked.get(budget.subject());
            if (throttle.refusesAt(now, policy.window(), policy.limit())) {
                throw new LockedOutException(policy.refusal(), throttle.refusedUntil(policy.window()));
            }
        }
        List<Reservation.Taken> taken = new ArrayList<>();
        for (Throttles.Budget budget : budgets) {
            if (taken.stream().noneMatch(earlier -> earlier.subject().equals(budget.subject()))) {
                ThrottlePolicy policy = budget.policy();
                Instant lockSet = locked.get(budget.subject())
                        .take(now, policy.window(), policy.limit(), policy.lockFor()).orElse(null);
                taken.add(new Reservation.Taken(budget.subject(), lockSet));
            }
        }
        return new Reservation(List.copyOf(taken));
    }

    public void release(Reservation reservation) {
        reservation.taken().stream().sorted(Comparator.comparing(Reservation.Taken::subject)).forEach(taken -> {
            Throttle throttle = em.find(Throttle.class, taken.subject(), LockModeType.PESSIMISTIC_WRITE);
            if (throttle != null) {
                throttle.giveBack(taken.lockSet());
            }
        });
    }

    /**
     * Deletes the rows that no longer count anything: unlocked, and last started more than {@code kept} ago.
     * Returns how many went.
     */
    public int prune(Duration kept) {
        Instant now = clock.instant();
        return em.createQuery("DELETE FROM Throttle t WHERE t.windowStart < :before"
                        + " AND (t.lockedUntil IS NULL OR t.lockedUntil < :now)")
                .setParameter("before", now.minus(kept)).setParameter("now", now).executeUpdate();
    }

    private Throttle lock(String subject, Instant now) {
        Throttle throttle = em.find(Throttle.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throttle = new Throttle(subject, now);
            em.persist(throttle);
            em.flush();
        }
        return throttle;
    }
}
