package org.certrevoke.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certrevoke.audit.entity.AuditChainHead;

/**
 * Checks the whole audit chain against its head, a batch of rows at a time: rows are read as plain
 * values by id ranges, so memory stays flat however long the log is. Records appended while it runs
 * lie after the head it read first and are left for the next check.
 */
@ApplicationScoped
public class ChainVerifier {

    static final int BATCH = 1000;

    private static final String COLUMNS = "r.id, r.recordedAt, r.event, r.actor, r.clientAddress, r.certificateSerial,"
            + " r.details, r.previousHash, r.hash";

    @PersistenceContext
    EntityManager em;

    public ChainReport verify() {
        Long highestBefore = em.createQuery("SELECT MAX(r.id) FROM AuditRecord r", Long.class).getSingleResult();
        Object[] head = em.createQuery("SELECT h.lastId, h.lastHash FROM AuditChainHead h WHERE h.id = :id", Object[].class)
                .setParameter("id", AuditChainHead.THE_ONLY_ROW).getSingleResult();
        long headId = (Long) head[0];
        ChainWalk walk = new ChainWalk();
        long after = Long.MIN_VALUE;
        boolean holding = true;
        while (holding) {
            List<StoredRecord> batch = batch(after, headId);
            for (StoredRecord record : batch) {
                holding = walk.accept(record);
                if (!holding) {
                    break;
                }
                after = record.id();
            }
            holding &= batch.size() == BATCH;
        }
        // a record the head does not cover, already there before the head was read, was not appended by us
        Optional<StoredRecord> beyondHead = highestBefore != null && highestBefore > headId
                ? batch(highestBefore - 1, highestBefore).stream().findFirst() : Optional.empty();
        return walk.finish(headId, (String) head[1], beyondHead);
    }

    private List<StoredRecord> batch(long after, long upTo) {
        return em.createQuery("SELECT " + COLUMNS + " FROM AuditRecord r WHERE r.id > :after AND r.id <= :upTo"
                        + " ORDER BY r.id", Object[].class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(BATCH)
                .getResultStream()
                .map(ChainVerifier::stored)
                .toList();
    }

    private static StoredRecord stored(Object[] row) {
        return new StoredRecord((Long) row[0], (Instant) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (String) row[7], (String) row[8]);
    }
}
