package org.certrevoke.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.certrevoke.security.entity.Throttle;

/**
 * Rate limits and lockouts on the database, so they hold across a cluster and a restart. Counting
 * commits on its own: a failed proof counts even when the caller's work is rolled back.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Throttles {

    @PersistenceContext
    EntityManager em;

    @Inject
    ThrottleRows rows;

    @Inject
    Clock clock;

    /** When the subject is locked, the moment the lock ends. Read afresh, outside the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Instant> lockedUntil(ThrottlePolicy policy, String key) {
        Throttle throttle = em.find(Throttle.class, policy.subject(key));
        Instant now = clock.instant();
        return throttle != null && throttle.isLockedAt(now) ? Optional.of(throttle.getLockedUntil()) : Optional.empty();
    }

    /** Counts one attempt; when it is the one that locks the subject, the moment the lock ends. */
    public Optional<Instant> count(ThrottlePolicy policy, String key) {
        Throttle throttle = lock(policy.subject(key));
        boolean nowLocked = throttle.count(clock.instant().truncatedTo(ChronoUnit.MICROS), policy.window(), policy.limit(), policy.lockFor());
        return nowLocked ? Optional.of(throttle.getLockedUntil()) : Optional.empty();
    }

    /** Forgets the failures counted so far (after a successful proof); a running lock stays. */
    public void reset(ThrottlePolicy policy, String key) {
        Throttle throttle = em.find(Throttle.class, policy.subject(key), LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null) {
            throttle.reset();
        }
    }

    private Throttle lock(String subject) {
        Throttle throttle = em.find(Throttle.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null) {
            return throttle;
        }
        try {
            rows.create(subject);
        } catch (EJBException createdByAnotherServerAtTheSameTime) {
            // the row exists now either way
        }
        return em.find(Throttle.class, subject, LockModeType.PESSIMISTIC_WRITE);
    }
}
