package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OcspProfileTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void acceptsValiditiesFromEightHoursToTenDays() {
        for (Duration validity : new Duration[] {Duration.ofHours(8), Duration.ofHours(24), Duration.ofDays(10)}) {
            assertDoesNotThrow(() -> new OcspProfile(validity, MINUTE), validity.toString());
        }
        assertEquals(Duration.ofHours(12), new OcspProfile(Duration.ofHours(24), MINUTE).reuseAtMost());
    }

    @Test
    void refusesAValidityOutsideTheBaselineRequirementsOrANegativeMaxAge() {
        for (Duration validity : new Duration[] {Duration.ZERO, Duration.ofHours(8).minusSeconds(1),
            Duration.ofDays(10).plusSeconds(1), Duration.ofDays(365)}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new OcspProfile(validity, MINUTE), validity.toString());
            assertEquals(true, refused.getMessage().startsWith("certrevoke.ocsp.validity"), refused.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> new OcspProfile(Duration.ofHours(24), MINUTE.negated()));
    }
}
