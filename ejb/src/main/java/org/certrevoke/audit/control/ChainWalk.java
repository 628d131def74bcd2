package org.certrevoke.audit.control;

import java.time.Instant;
import java.util.Optional;

/**
 * Follows the chain one record at a time, in id order, and stops at the first record that does not
 * hold. Kept apart from the database so that every kind of tampering can be tried on plain values.
 */
public final class ChainWalk {

    /** The previous hash of record 1. */
    public static final String GENESIS = "0".repeat(64);

    private long lastId;
    private String lastHash = GENESIS;
    private Instant lastRecordedAt;
    private long records;
    private ChainBreak broken;

    /** Checks the next record; {@code false} once the chain is broken, and nothing more is read. */
    public boolean accept(StoredRecord record) {
        if (broken != null) {
            return false;
        }
        if (record.id() <= lastId) {
            broken = new ChainBreak(record.id(), record.recordedAt(), ChainBreak.Problem.OUTSIDE_CHAIN, lastId);
        } else if (record.id() > lastId + 1) {
            broken = new ChainBreak(record.id(), record.recordedAt(), ChainBreak.Problem.MISSING_PREDECESSOR, lastId);
        } else if (!lastHash.equals(record.previousHash())) {
            broken = new ChainBreak(record.id(), record.recordedAt(), ChainBreak.Problem.UNLINKED, lastId);
        } else if (!record.expectedHash().equals(record.hash())) {
            broken = new ChainBreak(record.id(), record.recordedAt(), ChainBreak.Problem.EDITED, lastId);
        } else {
            lastId = record.id();
            lastHash = record.hash();
            lastRecordedAt = record.recordedAt();
            records++;
        }
        return broken == null;
    }

    /**
     * The report once every record up to the head was read: the head must point at the last record and
     * carry its hash, and no record may lie beyond it.
     */
    public ChainReport finish(long headId, String headHash, Optional<StoredRecord> beyondHead) {
        if (broken == null && lastId < headId) {
            broken = new ChainBreak(lastId + 1, null, ChainBreak.Problem.HEAD_RECORD_MISSING, headId);
        } else if (broken == null && !lastHash.equals(headHash)) {
            broken = new ChainBreak(lastId, lastRecordedAt, ChainBreak.Problem.HEAD_MISMATCH, headId);
        } else if (broken == null && beyondHead.isPresent()) {
            broken = new ChainBreak(beyondHead.get().id(), beyondHead.get().recordedAt(),
                    ChainBreak.Problem.OUTSIDE_CHAIN, headId);
        }
        return new ChainReport(records, lastId, lastRecordedAt, broken);
    }
}
