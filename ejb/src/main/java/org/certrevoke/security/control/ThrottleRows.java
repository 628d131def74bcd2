package org.certrevoke.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.certrevoke.security.entity.Throttle;

/**
 * Creates a counter row in a transaction of its own: when two servers create the same row at once,
 * only the loser's tiny transaction fails, and the row exists for both afterwards.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ThrottleRows {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void create(String subject) {
        if (em.find(Throttle.class, subject) == null) {
            em.persist(new Throttle(subject, clock.instant().truncatedTo(ChronoUnit.MICROS)));
            em.flush();
        }
    }
}
