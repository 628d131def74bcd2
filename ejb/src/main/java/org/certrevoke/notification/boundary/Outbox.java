package org.certrevoke.notification.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.certrevoke.notification.control.MailQueued;
import org.certrevoke.notification.control.MailSeal;
import org.certrevoke.notification.entity.OutboxMail;

/**
 * Queues mail in the caller's transaction: no revocation without its mail, no mail without it.
 * Bodies are stored sealed ({@link MailSeal}).
 */
@PermitAll
@Stateless
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<MailQueued> queued;

    @Inject
    MailSeal seal;

    /** A mail as its reader sees it: the body opened. */
    public record Mail(Instant createdAt, String recipient, String subject, String body, OutboxMail.Status status,
                       int attempts, Instant nextAttemptAt, String lastError) {
    }

    public void enqueue(String recipient, String subject, String body) {
        OutboxMail mail = new OutboxMail(recipient, subject, seal.seal(body), clock.instant());
        em.persist(mail);
        em.flush();
        queued.fire(new MailQueued(mail.getId()));
    }

    public List<Mail> newestFirst(int max) {
        return em.createNamedQuery(OutboxMail.NEWEST_FIRST, OutboxMail.class).setMaxResults(max).getResultStream()
                .map(mail -> new Mail(mail.getCreatedAt(), mail.getRecipient(), mail.getSubject(), seal.open(mail.getBody()),
                        mail.getStatus(), mail.getAttempts(), mail.getNextAttemptAt(), mail.getLastError()))
                .toList();
    }
}
