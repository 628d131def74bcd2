package org.certrevoke.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.audit.control.ChainReport;
import org.certrevoke.audit.control.ChainVerifier;
import org.certrevoke.it.Burst;
import org.certrevoke.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain under concurrent audited actions: thirty transactions recording at once leave every
 * record in a chain that verifies, each transaction's records next to each other.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainConcurrencyIT {

    private static final int TRANSACTIONS = 30;
    private static final int RECORDS_EACH = 3;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(AuditChainConcurrencyIT.class, Burst.class);
    }

    @Inject
    AuditLog log;

    @Inject
    ChainVerifier verifier;

    @Inject
    UserTransaction transaction;

    @PersistenceContext
    EntityManager em;

    @Test
    void thirtyAuditedTransactionsAtOnceLeaveEveryRecordInAValidChain() throws Exception {
        String marker = "burst-" + UUID.randomUUID();
        List<Burst.Outcome<Object>> outcomes = Burst.fire(TRANSACTIONS, i -> () -> {
            transaction.begin();
            try {
                for (int n = 0; n < RECORDS_EACH; n++) {
                    log.record(event(marker, i + "/" + n));
                }
                transaction.commit();
            } catch (Exception | Error e) {
                transaction.rollback();
                throw e;
            }
            return null;
        });
        outcomes.forEach(outcome -> assertEquals(null, outcome.thrown()));

        List<Object[]> records = em.createQuery("SELECT r.id, r.details FROM AuditRecord r WHERE r.actor = :marker"
                + " ORDER BY r.id", Object[].class).setParameter("marker", marker).getResultList();
        assertEquals(TRANSACTIONS * RECORDS_EACH, records.size(), "every record of every transaction");
        Map<String, List<Long>> idsByTransaction = records.stream().collect(Collectors.groupingBy(
                row -> ((String) row[1]).split("/")[0], Collectors.mapping(row -> (Long) row[0], Collectors.toList())));
        assertEquals(TRANSACTIONS, idsByTransaction.size());
        idsByTransaction.forEach((tx, ids) -> assertEquals(ids.get(0) + RECORDS_EACH - 1, ids.get(RECORDS_EACH - 1),
                "the records of transaction " + tx + " are appended together: " + ids));
        assertIntact();
    }

    private static AuditEvent event(String marker, String details) {
        return AuditEvent.of(AuditEventType.HOLDER_SEARCH, marker, "192.0.2.15").saying(details);
    }

    private void assertIntact() throws Exception {
        transaction.begin();
        try {
            ChainReport report = verifier.verify();
            assertTrue(report.intact(), report.summary());
        } finally {
            transaction.rollback();
        }
    }
}
