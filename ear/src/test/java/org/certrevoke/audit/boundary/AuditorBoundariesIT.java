package org.certrevoke.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certrevoke.audit.control.AuditFilter;
import org.certrevoke.audit.control.ChainReport;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Staff;
import org.certrevoke.notification.boundary.OutboxReview;
import org.certrevoke.notification.control.MailSeal;
import org.certrevoke.notification.entity.OutboxMail;
import org.certrevoke.publication.boundary.CrlOverview;
import org.certrevoke.publication.control.CrlState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every method of the auditor's boundaries (audit log, chain check, outbox, CRL status) answers the
 * auditor and refuses an operator and an anonymous caller, before doing anything.
 */
@ExtendWith(ArquillianExtension.class)
class AuditorBoundariesIT {

    private static final String ADDRESS = "192.0.2.10";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(AuditorBoundariesIT.class, Staff.class, Staff.Work.class);
    }

    @Inject
    AuditTrail trail;

    @Inject
    ChainVerification verification;

    @Inject
    OutboxReview outbox;

    @Inject
    CrlOverview crls;

    @Inject
    MailSeal seal;

    @Inject
    UserTransaction transaction;

    @PersistenceContext
    EntityManager em;

    /** One call of each boundary method, as the pages make them. */
    private Map<String, Staff.Work> everyMethod(long mailId) {
        return Map.of(
                "AuditTrail.count", () -> trail.count(AuditFilter.EVERYTHING),
                "AuditTrail.page", () -> trail.page(AuditFilter.EVERYTHING, 0, 1),
                "ChainVerification.verify", () -> verification.verify(ADDRESS),
                "OutboxReview.countWaiting", () -> outbox.countWaiting(),
                "OutboxReview.waiting", () -> outbox.waiting(0, 1),
                "OutboxReview.retry", () -> outbox.retry(mailId, ADDRESS),
                "OutboxReview.retryAll", () -> outbox.retryAll(ADDRESS),
                "CrlOverview.all", () -> crls.all());
    }

    @Test
    void auditorMayCallEveryMethod() throws Exception {
        long mailId = waitingMail();
        for (Map.Entry<String, Staff.Work> method : everyMethod(mailId).entrySet()) {
            Staff.asAuditor(method.getValue());
        }
        assertTrue(due(mailId), "the auditor's retry went through");
    }

    @Test
    void operatorIsRefusedEverywhere() throws Exception {
        long mailId = waitingMail();
        for (Map.Entry<String, Staff.Work> method : everyMethod(mailId).entrySet()) {
            assertThrows(EJBAccessException.class, () -> Staff.asOperator(method.getValue()), method.getKey());
        }
        assertFalse(due(mailId), "the operator's retry changed nothing");
    }

    @Test
    void anonymousCallerIsRefusedEverywhere() throws Exception {
        long mailId = waitingMail();
        for (Map.Entry<String, Staff.Work> method : everyMethod(mailId).entrySet()) {
            assertThrows(EJBAccessException.class, () -> method.getValue().run(), method.getKey());
        }
        assertFalse(due(mailId), "the anonymous retry changed nothing");
    }

    @Test
    void chainCheckIsRecordedWithWhoRanItAndWhatItFound() throws Exception {
        ChainReport report = Staff.asAuditor(() -> verification.verify(ADDRESS));

        assertTrue(report.intact(), report.summary());
        List<String> recorded = em.createQuery("SELECT r.details FROM AuditRecord r WHERE r.event = 'AUDIT_CHAIN_VERIFIED'"
                        + " AND r.actor = :actor AND r.clientAddress = :address AND r.id > :last ORDER BY r.id", String.class)
                .setParameter("actor", Staff.AUDITOR_LOGIN).setParameter("address", ADDRESS)
                .setParameter("last", report.lastId()).getResultList();
        assertTrue(recorded.contains(report.summary()), recorded.toString());
    }

    @Test
    void crlStatusNamesTheDemoCaAndItsPublishedCrl() throws Exception {
        CrlState demo = Staff.asAuditor(() -> crls.all()).stream().filter(crl -> crl.alias().equals("demo-ca"))
                .findFirst().orElseThrow();

        long publishedSince = em.createQuery("SELECT p.crlNumber FROM PublishedCrl p, CertificateAuthority a"
                + " WHERE p.authorityId = a.id AND a.alias = 'demo-ca'", Long.class).getSingleResult();
        assertTrue(demo.issued());
        assertTrue(demo.crlNumber() >= 1 && demo.crlNumber() <= publishedSince, demo + " vs " + publishedSince);
        assertFalse(demo.overdue());
        assertTrue(demo.url().endsWith("/crl/demo-ca.crl"), demo.url());
        assertTrue(demo.nextUpdate().isAfter(demo.thisUpdate()));
    }

    /** A mail refused once and told to wait an hour, so that only a retry makes it due. */
    private long waitingMail() throws Exception {
        OutboxMail mail = new OutboxMail("it-roles-" + UUID.randomUUID() + "@example.test", "Sujet", seal.seal("Corps"),
                Instant.now());
        mail.failed(Instant.now(), "refused by the test", Duration.ofHours(1), Duration.ofHours(1));
        transaction.begin();
        em.persist(mail);
        transaction.commit();
        return mail.getId();
    }

    private boolean due(long mailId) {
        return em.createQuery("SELECT m.nextAttemptAt FROM OutboxMail m WHERE m.id = :id", Instant.class)
                .setParameter("id", mailId).getSingleResult().isBefore(Instant.now().plusSeconds(60));
    }
}
