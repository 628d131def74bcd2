package org.certrevoke.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration LOCK = Duration.ofHours(1);

    @Test
    void theThirdFailureLocksForAnHour() {
        Throttle throttle = new Throttle("holder-proof:1", T0);
        assertFalse(throttle.count(T0, WINDOW, 3, LOCK));
        assertFalse(throttle.count(T0.plusSeconds(1), WINDOW, 3, LOCK));
        assertTrue(throttle.count(T0.plusSeconds(2), WINDOW, 3, LOCK));
        assertTrue(throttle.isLockedAt(T0.plusSeconds(2).plus(LOCK).minusSeconds(1)));
        assertFalse(throttle.isLockedAt(T0.plusSeconds(2).plus(LOCK)));
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        Throttle throttle = new Throttle("holder-proof:1", T0);
        throttle.count(T0, WINDOW, 3, LOCK);
        throttle.count(T0.plusSeconds(1), WINDOW, 3, LOCK);
        assertFalse(throttle.count(T0.plus(WINDOW), WINDOW, 3, LOCK), "a new window starts");
        assertEquals(1, throttle.getAttempts());
    }

    @Test
    void resetForgetsFailuresButNotARunningLock() {
        Throttle throttle = new Throttle("holder-proof:1", T0);
        throttle.count(T0, WINDOW, 2, LOCK);
        throttle.reset();
        assertFalse(throttle.count(T0.plusSeconds(1), WINDOW, 2, LOCK), "counting starts again after a success");
        assertTrue(throttle.count(T0.plusSeconds(2), WINDOW, 2, LOCK));
        throttle.reset();
        assertTrue(throttle.isLockedAt(T0.plusSeconds(3)));
    }
}
