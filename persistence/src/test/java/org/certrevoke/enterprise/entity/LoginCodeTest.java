package org.certrevoke.enterprise.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.certrevoke.enterprise.entity.LoginCode.Verdict;
import org.junit.jupiter.api.Test;

class LoginCodeTest {

    private static final Instant ISSUED = Instant.parse("2026-11-21T10:00:00Z");
    private static final int TRIES = 5;

    private final LoginCode code = new LoginCode(null, "hash", ISSUED, ISSUED.plus(Duration.ofMinutes(10)));

    @Test
    void acceptsOnceOnly() {
        assertEquals(Verdict.ACCEPTED, code.attempt(true, ISSUED.plusSeconds(30), TRIES));
        assertEquals(Verdict.USED, code.attempt(true, ISSUED.plusSeconds(31), TRIES));
    }

    @Test
    void expiresAtTheEndOfItsLifetime() {
        assertEquals(Verdict.EXPIRED, code.attempt(true, ISSUED.plus(Duration.ofMinutes(10)), TRIES));
    }

    @Test
    void theFifthWrongTryVoidsTheCode() {
        for (int i = 1; i < TRIES; i++) {
            assertEquals(Verdict.WRONG, code.attempt(false, ISSUED, TRIES));
        }
        assertEquals(Verdict.EXHAUSTED, code.attempt(false, ISSUED, TRIES));
        assertEquals(Verdict.EXHAUSTED, code.attempt(true, ISSUED, TRIES));
        assertEquals(TRIES, code.getFailures());
    }
}
