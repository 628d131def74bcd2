package org.certrevoke.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void serialsAreComparedAsTheLogStoresThem() {
        assertEquals("a1b2c3", AuditFilter.serialForm(" 00:A1:B2:C3 "));
        assertEquals("a1b2", AuditFilter.serialForm("A1 B2"));
        assertEquals("0", AuditFilter.serialForm("00"));
        assertNull(AuditFilter.serialForm(" : "));
        assertEquals("a1", new AuditFilter(null, null, null, "0A1", null).serial());
    }

    @Test
    void onlyHexadecimalLooksLikeASerial() {
        assertTrue(AuditFilter.looksLikeSerial("0a:B1 c2"));
        assertTrue(AuditFilter.looksLikeSerial(""));
        assertFalse(AuditFilter.looksLikeSerial("12g4"));
        assertFalse(AuditFilter.looksLikeSerial("%"));
    }

    @Test
    void blankFieldsDoNotFilter() {
        AuditFilter filter = new AuditFilter(null, null, " ", "", "  ");
        assertEquals(AuditFilter.EVERYTHING, filter);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new AuditFilter(at, at, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AuditFilter(at, at.minusSeconds(1), null, null, null));
    }

    @Test
    void refusesOverlongFields() {
        assertThrows(IllegalArgumentException.class, () -> new AuditFilter(null, null, null, null, "x".repeat(201)));
        assertThrows(IllegalArgumentException.class, () -> new AuditFilter(null, null, null, "a".repeat(65), null));
        assertThrows(IllegalArgumentException.class, () -> new AuditFilter(null, null, "E".repeat(41), null, null));
    }
}
