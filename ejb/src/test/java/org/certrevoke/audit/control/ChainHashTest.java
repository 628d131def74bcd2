package org.certrevoke.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.123456Z");
    private static final String GENESIS = "0".repeat(64);
    private final AuditEvent event = new AuditEvent(AuditEventType.REVOCATION, "HOLDER:Claire Martin", "127.0.0.1",
            "1a2b", "reason=KEY_COMPROMISE");

    @Test
    void sameContentGivesSameHash() {
        assertEquals(ChainHash.of(GENESIS, 1, AT, event), ChainHash.of(GENESIS, 1, AT, event));
        assertEquals(64, ChainHash.of(GENESIS, 1, AT, event).length());
    }

    @Test
    void everyFieldAndThePredecessorCount() {
        String hash = ChainHash.of(GENESIS, 1, AT, event);
        assertNotEquals(hash, ChainHash.of("1".repeat(64), 1, AT, event));
        assertNotEquals(hash, ChainHash.of(GENESIS, 2, AT, event));
        assertNotEquals(hash, ChainHash.of(GENESIS, 1, AT.plusNanos(1000), event));
        assertNotEquals(hash, ChainHash.of(GENESIS, 1, AT, event.about("1a2c")));
        assertNotEquals(hash, ChainHash.of(GENESIS, 1, AT, event.saying("reason=HOLDER_REQUEST")));
    }

    @Test
    void textMovedBetweenFieldsChangesTheHash() {
        AuditEvent a = new AuditEvent(AuditEventType.HOLDER_SEARCH, "ab", "c", null, null);
        AuditEvent b = new AuditEvent(AuditEventType.HOLDER_SEARCH, "a", "bc", null, null);
        assertNotEquals(ChainHash.of(GENESIS, 1, AT, a), ChainHash.of(GENESIS, 1, AT, b));
    }
}
