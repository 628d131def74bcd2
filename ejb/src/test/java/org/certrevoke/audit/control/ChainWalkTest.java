package org.certrevoke.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

    private static final Instant START = Instant.parse("2026-11-21T10:00:00.123456Z");

    /** A chain of {@code length} records written the way the audit log writes them. */
    private static List<StoredRecord> chain(int length) {
        List<StoredRecord> records = new ArrayList<>();
        String previous = ChainWalk.GENESIS;
        for (long id = 1; id <= length; id++) {
            StoredRecord record = written(id, previous, "actor-" + id);
            records.add(record);
            previous = record.hash();
        }
        return records;
    }

    private static StoredRecord written(long id, String previousHash, String actor) {
        Instant at = START.plusSeconds(id);
        String hash = ChainHash.of(previousHash, id, at, "HOLDER_SEARCH", actor, "127.0.0.1", null, "results=1");
        return new StoredRecord(id, at, "HOLDER_SEARCH", actor, "127.0.0.1", null, "results=1", previousHash, hash);
    }

    private static ChainReport walk(List<StoredRecord> records, long headId, String headHash) {
        return walk(records, headId, headHash, Optional.empty());
    }

    private static ChainReport walk(List<StoredRecord> records, long headId, String headHash, Optional<StoredRecord> beyond) {
        ChainWalk walk = new ChainWalk();
        for (StoredRecord record : records) {
            if (!walk.accept(record)) {
                break;
            }
        }
        return walk.finish(headId, headHash, beyond);
    }

    private static StoredRecord withDetails(StoredRecord r, String details) {
        return new StoredRecord(r.id(), r.recordedAt(), r.event(), r.actor(), r.clientAddress(), r.certificateSerial(),
                details, r.previousHash(), r.hash());
    }

    @Test
    void untouchedChainIsIntactUpToTheHead() {
        List<StoredRecord> records = chain(5);

        ChainReport report = walk(records, 5, records.get(4).hash());

        assertTrue(report.intact(), report.summary());
        assertEquals(5, report.records());
        assertEquals(5, report.lastId());
        assertEquals(records.get(4).recordedAt(), report.lastRecordedAt());
    }

    @Test
    void emptyLogIsIntact() {
        ChainReport report = walk(List.of(), 0, ChainWalk.GENESIS);
        assertTrue(report.intact());
        assertEquals(0, report.records());
        assertNull(report.lastRecordedAt());
    }

    @Test
    void editedRecordIsNamedByItsHash() {
        List<StoredRecord> records = new ArrayList<>(chain(6));
        records.set(2, withDetails(records.get(2), "results=0"));
        records.set(4, withDetails(records.get(4), "results=0"));

        ChainReport report = walk(records, 6, records.get(5).hash());

        assertFalse(report.intact());
        assertEquals(new ChainBreak(3, records.get(2).recordedAt(), ChainBreak.Problem.EDITED, 2), report.firstBreak());
        assertEquals(2, report.records());
    }

    @Test
    void editedAndRehashedRecordBreaksTheLinkOfTheNextOne() {
        List<StoredRecord> records = new ArrayList<>(chain(4));
        records.set(1, written(2, records.get(0).hash(), "someone else"));

        ChainReport report = walk(records, 4, records.get(3).hash());

        assertEquals(ChainBreak.Problem.UNLINKED, report.firstBreak().problem());
        assertEquals(3, report.firstBreak().recordId());
        assertEquals(2, report.firstBreak().otherId());
    }

    @Test
    void deletedRecordShowsAsTheMissingPredecessorOfTheNext() {
        List<StoredRecord> records = new ArrayList<>(chain(5));
        records.remove(2);

        ChainReport report = walk(records, 5, records.get(3).hash());

        assertEquals(new ChainBreak(4, records.get(2).recordedAt(), ChainBreak.Problem.MISSING_PREDECESSOR, 2),
                report.firstBreak());
    }

    @Test
    void deletedFirstRecordIsFound() {
        List<StoredRecord> records = new ArrayList<>(chain(3));
        records.remove(0);

        ChainReport report = walk(records, 3, records.get(1).hash());

        assertEquals(ChainBreak.Problem.MISSING_PREDECESSOR, report.firstBreak().problem());
        assertEquals(2, report.firstBreak().recordId());
        assertEquals(0, report.firstBreak().otherId());
    }

    @Test
    void deletedLastRecordsAreFoundThroughTheHead() {
        List<StoredRecord> records = chain(5);
        String headHash = records.get(4).hash();

        ChainReport report = walk(records.subList(0, 3), 5, headHash);

        assertEquals(new ChainBreak(4, null, ChainBreak.Problem.HEAD_RECORD_MISSING, 5), report.firstBreak());
        assertEquals(3, report.records());
    }

    @Test
    void insertedRecordWhosePreviousHashDoesNotLinkIsNamed() {
        List<StoredRecord> records = new ArrayList<>(chain(3));
        StoredRecord forged = written(4, "f".repeat(64), "forger");
        records.add(forged);

        ChainReport report = walk(records, 4, forged.hash());

        assertEquals(new ChainBreak(4, forged.recordedAt(), ChainBreak.Problem.UNLINKED, 3), report.firstBreak());
    }

    @Test
    void recordBeyondTheHeadIsAnInsertion() {
        List<StoredRecord> records = chain(4);
        StoredRecord forged = written(5, records.get(3).hash(), "forger");

        ChainReport report = walk(records, 4, records.get(3).hash(), Optional.of(forged));

        assertEquals(new ChainBreak(5, forged.recordedAt(), ChainBreak.Problem.OUTSIDE_CHAIN, 4), report.firstBreak());
    }

    @Test
    void recordBeforeTheFirstIsAnInsertion() {
        List<StoredRecord> records = new ArrayList<>(chain(2));
        records.add(0, written(0, ChainWalk.GENESIS, "forger"));

        ChainReport report = walk(records, 2, records.get(2).hash());

        assertEquals(ChainBreak.Problem.OUTSIDE_CHAIN, report.firstBreak().problem());
        assertEquals(0, report.firstBreak().recordId());
    }

    @Test
    void headThatDoesNotCarryTheLastHashIsReported() {
        List<StoredRecord> records = chain(3);

        ChainReport report = walk(records, 3, "a".repeat(64));

        assertEquals(new ChainBreak(3, records.get(2).recordedAt(), ChainBreak.Problem.HEAD_MISMATCH, 3),
                report.firstBreak());
    }

    @Test
    void nothingIsCheckedAfterTheFirstBreak() {
        ChainWalk walk = new ChainWalk();
        List<StoredRecord> records = chain(3);
        assertTrue(walk.accept(records.get(0)));
        assertFalse(walk.accept(records.get(2)));
        assertFalse(walk.accept(records.get(1)), "stays broken");
    }
}
