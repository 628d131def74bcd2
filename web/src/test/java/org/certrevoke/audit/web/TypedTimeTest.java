package org.certrevoke.audit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TypedTimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aDayCoversTheWholeDayInTheCaTimeZone() {
        TypedTime day = TypedTime.parse("21-11-2026").orElseThrow();
        assertEquals(Instant.parse("2026-11-20T23:00:00Z"), day.start(PARIS));
        assertEquals(Instant.parse("2026-11-21T23:00:00Z"), day.end(PARIS));
    }

    @Test
    void minutesAndSecondsCoverWhatWasTyped() {
        TypedTime minute = TypedTime.parse(" 21-07-2026 14:30 ").orElseThrow();
        assertEquals(Instant.parse("2026-07-21T12:30:00Z"), minute.start(PARIS));
        assertEquals(Instant.parse("2026-07-21T12:31:00Z"), minute.end(PARIS));
        TypedTime second = TypedTime.parse("21-07-2026 14:30:05").orElseThrow();
        assertEquals(Instant.parse("2026-07-21T12:30:06Z"), second.end(PARIS));
    }

    @Test
    void blankIsNoDate() {
        assertTrue(TypedTime.parse("  ").isEmpty());
        assertTrue(TypedTime.parse(null).isEmpty());
    }

    @Test
    void refusesOtherFormsAndImpossibleDates() {
        for (String typed : new String[] {"2026-11-21", "21/11/2026", "21-11-26", "31-02-2026", "21-11-2026 24:00",
                "21-11-2026 14h30", "21-11-2026 14:30:61", "demain", "21-11-2026 14:30:00.5"}) {
            assertThrows(DateTimeException.class, () -> TypedTime.parse(typed), typed);
        }
    }
}
