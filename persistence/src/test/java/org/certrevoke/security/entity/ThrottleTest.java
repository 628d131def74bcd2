package org.certrevoke.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration LOCK = Duration.ofHours(1);

    @Test
    void theThirdAttemptLocksForAnHourAsSoonAsItIsTaken() {
        Throttle throttle = new Throttle("holder-proof:1", T0);
        assertEquals(Optional.empty(), throttle.take(T0, WINDOW, 3, LOCK));
        assertEquals(Optional.empty(), throttle.take(T0.plusSeconds(1), WINDOW, 3, LOCK));
        assertEquals(Optional.of(T0.plusSeconds(2).plus(LOCK)), throttle.take(T0.plusSeconds(2), WINDOW, 3, LOCK));
        assertTrue(throttle.refusesAt(T0.plusSeconds(2), WINDOW, 3), "the next attempt is refused before any is evaluated");
        assertTrue(throttle.isLockedAt(T0.plusSeconds(2).plus(LOCK).minusSeconds(1)));
        assertFalse(throttle.refusesAt(T0.plusSeconds(2).plus(LOCK), WINDOW, 3), "the lock ends");
        assertEquals(0, throttle.getAttempts(), "and its attempts with it");
    }

    @Test
    void attemptsOutsideTheWindowAreForgotten() {
        Throttle throttle = new Throttle("holder-proof:1", T0);
        throttle.take(T0, WINDOW, 3, LOCK);
        throttle.take(T0.plusSeconds(1), WINDOW, 3, LOCK);
        assertEquals(Optional.empty(), throttle.take(T0.plus(WINDOW), WINDOW, 3, LOCK), "a new window starts");
        assertEquals(1, throttle.getAttempts());
    }

    @Test
    void aSuccessGivesItsAttemptBackAndLiftsOnlyTheLockItSet() {
        Throttle throttle = new Throttle("holder-proof:1", T0);
        throttle.take(T0, WINDOW, 2, LOCK);
        Instant lock = throttle.take(T0, WINDOW, 2, LOCK).orElseThrow();

        throttle.giveBack(lock);

        assertFalse(throttle.refusesAt(T0, WINDOW, 2), "the attempt that set the lock succeeded");
        assertEquals(1, throttle.getAttempts());
        Instant again = throttle.take(T0.plusSeconds(1), WINDOW, 2, LOCK).orElseThrow();
        throttle.giveBack(null);
        assertTrue(throttle.isLockedAt(T0.plusSeconds(2)), "another attempt's success leaves the lock " + again);
    }

    @Test
    void aFullWindowRefusesEvenWithoutALock() {
        Throttle throttle = new Throttle("search:192.0.2.1", T0);
        Instant lock = throttle.take(T0, Duration.ofMinutes(1), 1, Duration.ofMinutes(1)).orElseThrow();
        assertEquals(T0.plusSeconds(60), throttle.refusedUntil(Duration.ofMinutes(1)));
        assertTrue(throttle.refusesAt(T0.plusSeconds(59), Duration.ofMinutes(1), 1));
        assertFalse(throttle.refusesAt(lock, Duration.ofMinutes(1), 1));
    }
}
