package org.certrevoke.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Staff;
import org.certrevoke.notification.control.MailNotWaitingException;
import org.certrevoke.notification.control.MailSeal;
import org.certrevoke.notification.control.WaitingMail;
import org.certrevoke.notification.entity.OutboxMail;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auditor's view of the outbox and the retry, on mails of the test's own: a mail refused an hour
 * ago, told to wait an hour more, is tried again at once after a retry.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxReviewIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(OutboxReviewIT.class, Staff.class, Staff.Work.class);
    }

    @Inject
    OutboxReview review;

    @Inject
    MailSeal seal;

    @Inject
    UserTransaction transaction;

    @PersistenceContext
    EntityManager em;

    @Test
    void retryMakesAFailedMailDeliverableAtOnce() throws Exception {
        long id = failedMail();
        assertFalse(due(id), "the back-off keeps it waiting for an hour");
        int attemptsBefore = mail(id).getAttempts();
        Instant asked = Instant.now();

        Staff.asAuditor(() -> review.retry(id, "127.0.0.1"));

        assertTrue(waitUntil(() -> mail(id).getAttempts() > attemptsBefore), "delivery tried it again at once");
        OutboxMail tried = mail(id);
        assertTrue(tried.getStatus() == OutboxMail.Status.SENT || tried.getNextAttemptAt().isBefore(asked.plusSeconds(60)),
                "sent, or back to the short back-off of a fresh failure");
        List<String> audit = em.createQuery("SELECT CONCAT(r.event, ' by ', r.actor) FROM AuditRecord r"
                + " WHERE r.details LIKE :mail ORDER BY r.id", String.class).setParameter("mail", "mail=" + id + " %").getResultList();
        assertEquals(List.of("MAIL_RETRY_REQUESTED by " + Staff.AUDITOR_LOGIN), audit);
    }

    @Test
    void retryAllMakesEveryWaitingMailDueAtOnceAndIsAudited() throws Exception {
        long first = failedMail();
        long second = failedMail();
        long lastRecord = em.createQuery("SELECT COALESCE(MAX(r.id), 0) FROM AuditRecord r", Long.class).getSingleResult();

        int heldBack = Staff.asAuditor(() -> review.retryAll("127.0.0.1"));

        assertTrue(heldBack >= 2, "both were held back by their back-off: " + heldBack);
        assertTrue(waitUntil(() -> mail(first).getAttempts() > 1 && mail(second).getAttempts() > 1),
                "delivery tried both again at once");
        List<String> audit = em.createQuery("SELECT CONCAT(r.event, ' by ', r.actor, ' from ', r.clientAddress) FROM AuditRecord r"
                + " WHERE r.id > :last AND r.event = :event ORDER BY r.id", String.class).setParameter("last", lastRecord)
                .setParameter("event", "MAIL_RETRY_ALL_REQUESTED").getResultList();
        assertEquals(List.of("MAIL_RETRY_ALL_REQUESTED by " + Staff.AUDITOR_LOGIN + " from 127.0.0.1"), audit);
    }

    @Test
    void waitingMailsShowRecipientSubjectAndErrorButNoBody() throws Exception {
        long id = failedMail();

        List<WaitingMail> waiting = Staff.asAuditor(() -> review.waiting(0, (int) review.countWaiting()));

        WaitingMail mine = waiting.stream().filter(mail -> mail.id() == id).findFirst().orElseThrow();
        OutboxMail stored = mail(id);
        assertEquals(stored.getRecipient(), mine.recipient());
        assertEquals("Votre certificat est révoqué", mine.subject());
        assertEquals(1, mine.attempts());
        assertTrue(mine.failed());
        assertEquals("550 refused by the test", mine.lastError());
        assertFalse(mine.toString().contains("cancellation code"), "the body never leaves the outbox");
    }

    @Test
    void sentMailIsNotRetried() throws Exception {
        long id = failedMail();
        inTransaction(() -> em.find(OutboxMail.class, id).delivered(Instant.now()));

        assertThrows(MailNotWaitingException.class, () -> Staff.asAuditor(() -> review.retry(id, "127.0.0.1")));
        assertThrows(MailNotWaitingException.class, () -> Staff.asAuditor(() -> review.retry(Long.MAX_VALUE, "127.0.0.1")));
        assertEquals(OutboxMail.Status.SENT, mail(id).getStatus());
        assertEquals(0L, em.createQuery("SELECT COUNT(r) FROM AuditRecord r WHERE r.details LIKE :mail", Long.class)
                .setParameter("mail", "mail=" + id + " %").getSingleResult(), "a refused retry records nothing");
    }

    private long failedMail() throws Exception {
        OutboxMail mail = new OutboxMail("it-outbox-" + UUID.randomUUID() + "@example.test", "Votre certificat est révoqué",
                seal.seal("Your cancellation code is in this body"), Instant.now());
        mail.failed(Instant.now(), "550 refused by the test", Duration.ofHours(1), Duration.ofHours(1));
        inTransaction(() -> em.persist(mail));
        return mail.getId();
    }

    private boolean due(long id) {
        return em.createNamedQuery(OutboxMail.DUE, Long.class).setParameter("now", Instant.now()).getResultList().contains(id);
    }

    private OutboxMail mail(long id) {
        em.clear();
        return em.find(OutboxMail.class, id);
    }

    private void inTransaction(Runnable work) throws Exception {
        transaction.begin();
        try {
            work.run();
            transaction.commit();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
