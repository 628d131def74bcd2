package org.certrevoke.notification.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certrevoke.notification.entity.OutboxMail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox's rows as senders see them, each step a short transaction of its own: claim due mails, then report
 * each one sent, failed or released. The claim is one conditional UPDATE: when several senders (threads or
 * servers) race for a row, the database lets one change it and the others find it no longer due, so a mail
 * is handed to at most one sender at a time without any lock being held while the mail server is spoken to.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxClaims {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.lease", defaultValue = "PT5M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.retry.first-delay", defaultValue = "PT30S")
    Duration firstDelay;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.retry.longest-delay", defaultValue = "PT1H")
    Duration longestDelay;

    /** Up to {@code max} due mails (a crashed sender's whose lease ended included), claimed for this caller. */
    public List<ClaimedMail> claim(int max) {
        Instant now = clock.instant();
        List<Long> due = em.createNamedQuery(OutboxMail.DUE, Long.class).setParameter("now", now)
                .setMaxResults(max).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        em.createNamedQuery(OutboxMail.CLAIM).setParameter("ids", due).setParameter("now", now)
                .setParameter("until", now.plus(lease)).setParameter("token", token).executeUpdate();
        return em.createNamedQuery(OutboxMail.CLAIMED, OutboxMail.class).setParameter("token", token)
                .getResultStream().map(mail -> ClaimedMail.of(mail, token)).toList();
    }

    public void sent(ClaimedMail claimed) {
        OutboxMail mail = claimedRow(claimed);
        if (mail != null) {
            mail.delivered(clock.instant());
        }
    }

    public void failed(ClaimedMail claimed, String error) {
        OutboxMail mail = claimedRow(claimed);
        if (mail != null) {
            mail.failed(clock.instant(), error, firstDelay, longestDelay);
        }
    }

    public void released(ClaimedMail claimed) {
        OutboxMail mail = claimedRow(claimed);
        if (mail != null) {
            mail.released();
        }
    }

    /** Every waiting mail due now, whatever its back-off says; answers how many were held back. */
    public int allDueNow() {
        return em.createNamedQuery(OutboxMail.ALL_DUE_NOW).setParameter("now", clock.instant()).executeUpdate();
    }

    private OutboxMail claimedRow(ClaimedMail claimed) {
        OutboxMail mail = em.find(OutboxMail.class, claimed.id());
        return mail != null && mail.claimedWith(claimed.token()) ? mail : null;
    }
}
