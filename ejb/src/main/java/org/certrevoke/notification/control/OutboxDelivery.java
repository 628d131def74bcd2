package org.certrevoke.notification.control;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due mail: right after the transaction that queued it commits, and every few seconds
 * ({@link OutboxTimer}) for whatever failed before or was left behind by a crash. Each mail goes in
 * its own transaction.
 */
@PermitAll
@Stateless
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailSender sender;

    @Resource
    jakarta.ejb.SessionContext context;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliverSoon() {
        deliverDue();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliverDue() {
        List<Long> due = em.createNamedQuery(org.certrevoke.notification.entity.OutboxMail.DUE, Long.class)
                .setParameter("now", clock.instant())
                .setMaxResults(100)
                .getResultList();
        OutboxDelivery self = context.getBusinessObject(OutboxDelivery.class);
        for (Long id : due) {
            try {
                self.deliver(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "outbox mail {0} not delivered: {1}", new Object[] {id, e.getMessage()});
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deliver(long id) {
        sender.sendIfDue(em, id);
    }
}
