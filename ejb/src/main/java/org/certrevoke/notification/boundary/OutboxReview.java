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
 * The outbox as the auditor watches it: the mails still waiting, newest first, and a retry that makes one
 * due at once, or all of them (after a long mail outage). Retries are the only change an auditor can make,
 * and they are audited.
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

    /** Delivery starts as soon as this commits; a mail being sent right now is left to its sender. */
    public void retry(long mailId, String clientAddress) {
        OutboxMail mail = em.find(OutboxMail.class, mailId, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || mail.getStatus() == OutboxMail.Status.SENT) {
            throw new MailNotWaitingException(mailId);
        }
        mail.retryNow(clock.instant());
        log.record(AuditEvent.of(AuditEventType.MAIL_RETRY_REQUESTED, context.getCallerPrincipal().getName(), clientAddress)
                .saying("mail=" + mailId + " attempts=" + mail.getAttempts()));
        queued.fire(new MailQueued(mailId));
    }

    /** Every waiting mail due at once, whatever its back-off; answers how many were held back. */
    public int retryAll(String clientAddress) {
        int heldBack = em.createNamedQuery(OutboxMail.ALL_DUE_NOW).setParameter("now", clock.instant()).executeUpdate();
        log.record(AuditEvent.of(AuditEventType.MAIL_RETRY_ALL_REQUESTED, context.getCallerPrincipal().getName(), clientAddress)
                .saying("mails=" + heldBack));
        queued.fire(new MailQueued(MailQueued.SEVERAL));
        return heldBack;
    }
}
