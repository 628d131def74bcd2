package org.certrevoke.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.certrevoke.notification.control.MailQueued;
import org.certrevoke.notification.entity.OutboxMail;

/** Queues mail in the caller's transaction: no revocation without its mail, no mail without it. */
@Stateless
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<MailQueued> queued;

    public void enqueue(String recipient, String subject, String body) {
        OutboxMail mail = new OutboxMail(recipient, subject, body, clock.instant());
        em.persist(mail);
        em.flush();
        queued.fire(new MailQueued(mail.getId()));
    }

    public List<OutboxMail> newestFirst(int max) {
        return em.createNamedQuery(OutboxMail.NEWEST_FIRST, OutboxMail.class).setMaxResults(max).getResultList();
    }
}
