package org.certrevoke.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verifier on the server's real audit log, tampered with by SQL the way someone with database access
 * would. The log is shared by every test of the suite, so each tampering happens in a transaction that
 * first locks the chain head (appends by the application wait for it), is checked inside that
 * transaction, and is rolled back in a finally block: no other transaction ever sees it, and the chain
 * is checked intact again afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class ChainVerifierIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ChainVerifierIT.class, Fixtures.class);
    }

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditLog log;

    @Inject
    UserTransaction transaction;

    @PersistenceContext
    EntityManager em;

    @BeforeEach
    void someRecordsThroughTheApplication() throws Exception {
        for (int i = 0; i < 3; i++) {
            AuditEvent event = AuditEvent.of(AuditEventType.HOLDER_SEARCH, "chain-it", Fixtures.freshClientAddress())
                    .saying("results=" + i);
            inTransaction(() -> log.record(event));
        }
        assertTrue(verifier.verify().intact(), "the chain holds before the test");
    }

    @Test
    void editedRecordIsNamedWithItsTime() throws Exception {
        Tampered report = tampered(head -> {
            sql("UPDATE audit_record SET details = 'results=999' WHERE id = ?", head - 1);
            sql("UPDATE audit_record SET actor = 'nobody' WHERE id = ?", head);
        });

        assertEquals(ChainBreak.Problem.EDITED, report.firstBreak().problem());
        assertEquals(report.head() - 1, report.firstBreak().recordId(), "the first of the two edited records");
        assertEquals(recordedAt(report.head() - 1), report.firstBreak().recordedAt());
        assertEquals(report.head() - 2, report.report().records());
        assertIntactAgain();
    }

    @Test
    void deletedRecordIsNamedThroughTheRecordAfterIt() throws Exception {
        Tampered report = tampered(head -> sql("DELETE FROM audit_record WHERE id = ?", head - 1));

        assertEquals(ChainBreak.Problem.MISSING_PREDECESSOR, report.firstBreak().problem());
        assertEquals(report.head(), report.firstBreak().recordId());
        assertEquals(report.head() - 2, report.firstBreak().otherId(), "the last record that holds");
        assertIntactAgain();
    }

    @Test
    void deletedLastRecordIsFoundThroughTheHead() throws Exception {
        Tampered report = tampered(head -> sql("DELETE FROM audit_record WHERE id = ?", head));

        assertEquals(ChainBreak.Problem.HEAD_RECORD_MISSING, report.firstBreak().problem());
        assertEquals(report.head(), report.firstBreak().recordId());
        assertIntactAgain();
    }

    @Test
    void insertedRecordWhosePreviousHashDoesNotLinkIsNamed() throws Exception {
        Tampered report = tampered(head -> {
            String forgedPrevious = "ab".repeat(32);
            String hash = forge(head + 1, forgedPrevious, head);
            sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", head + 1, hash);
        });

        assertEquals(ChainBreak.Problem.UNLINKED, report.firstBreak().problem());
        assertEquals(report.head() + 1, report.firstBreak().recordId());
        assertEquals(report.head(), report.firstBreak().otherId());
        assertIntactAgain();
    }

    @Test
    void recordAppendedBehindTheHeadsBackIsNamed() throws Exception {
        Tampered report = tampered(head -> forge(head + 1, lastHash(), head));

        assertEquals(ChainBreak.Problem.OUTSIDE_CHAIN, report.firstBreak().problem());
        assertEquals(report.head() + 1, report.firstBreak().recordId());
        assertNotNull(report.firstBreak().recordedAt());
        assertIntactAgain();
    }

    @Test
    void rewrittenHeadIsNamed() throws Exception {
        Tampered report = tampered(head -> sql("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", "cd".repeat(32)));

        assertEquals(ChainBreak.Problem.HEAD_MISMATCH, report.firstBreak().problem());
        assertEquals(report.head(), report.firstBreak().recordId());
        assertIntactAgain();
    }

    /** Something done to the chain, given the head's id at that moment. */
    private interface Tampering {
        void on(long head) throws Exception;
    }

    /** What the verifier found, and the head's id when the chain was tampered with. */
    private record Tampered(long head, ChainReport report) {

        ChainBreak firstBreak() {
            return report.firstBreak();
        }
    }

    private Tampered tampered(Tampering tampering) throws Exception {
        transaction.begin();
        try {
            long head = ((Number) em.createNativeQuery("SELECT last_id FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                    .getSingleResult()).longValue();
            tampering.on(head);
            return new Tampered(head, verifier.verify());
        } finally {
            transaction.rollback();
        }
    }

    private void assertIntactAgain() throws Exception {
        ChainReport report = inTransaction(verifier::verify);
        assertTrue(report.intact(), "restored: " + report.summary());
        assertTrue(report.records() >= 3);
    }

    /** A record as a forger who knows the hash function would write it, after record {@code copiedFrom}. */
    private String forge(long id, String previousHash, long copiedFrom) {
        Instant at = recordedAt(copiedFrom);
        String hash = ChainHash.of(previousHash, id, at, "LOCKOUT", "forger", null, null, "forged");
        sql("INSERT INTO audit_record (id, recorded_at, event, actor, client_address, certificate_serial, details,"
                + " previous_hash, hash) SELECT ?, recorded_at, 'LOCKOUT', 'forger', NULL, NULL, 'forged', ?, ?"
                + " FROM audit_record WHERE id = ?", id, previousHash, hash, copiedFrom);
        return hash;
    }

    private void sql(String statement, Object... parameters) {
        var query = em.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        assertEquals(1, query.executeUpdate(), statement);
    }

    private String lastHash() {
        return (String) em.createNativeQuery("SELECT last_hash FROM audit_chain_head WHERE id = 1").getSingleResult();
    }

    private Instant recordedAt(long id) {
        return em.createQuery("SELECT r.recordedAt FROM AuditRecord r WHERE r.id = :id", Instant.class)
                .setParameter("id", id).getSingleResult();
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }
}
