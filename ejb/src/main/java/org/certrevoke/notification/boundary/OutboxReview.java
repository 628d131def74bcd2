package org.certrevoke.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.backoffice.control.StaffRoles;
import org.certrevoke.notification.control.MailNotWaitingException;
import org.certrevoke.notification.control.MailQueued;
import org.certrevoke.notification.control.WaitingMail;
import org.certrevoke.notification.entity.OutboxMail;

/**
 * The outbox as the auditor watches it: the mails still waiting, newest first, and a retry
 * that makes one due at once. The retry is the only change an auditor can make, and it is audited.
 */
@Stateless
@RolesAllowed(StaffRoles.AUDITOR)
public class OutboxReview {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog log;

    @Inject
    Event<MailQueued> queued;

    @Resource
    SessionContext context;

    public long countWaiting() {
        return em.createNamedQuery(OutboxMail.WAITING_COUNT, Long.class).getSingleResult();
    }

    public List<WaitingMail> waiting(int first, int size) {
        return em.createNamedQuery(OutboxMail.WAITING, OutboxMail.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size))
                .getResultStream().map(WaitingMail::of).toList();
    }

    /** Delivery starts as soon as this commits; the mail row is locked, so a delivery under way finishes first. */
    public void retry(long mailId, String clientAddress) {
        OutboxMail mail = em.find(OutboxMail.class, mailId, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || mail.getStatus() != OutboxMail.Status.PENDING) {
            throw new MailNotWaitingException(mailId);
        }
        mail.retryNow(clock.instant());
        log.record(AuditEvent.of(AuditEventType.MAIL_RETRY_REQUESTED, context.getCallerPrincipal().getName(), clientAddress)
                .saying("mail=" + mailId + " attempts=" + mail.getAttempts()));
        queued.fire(new MailQueued(mailId));
    }
}
