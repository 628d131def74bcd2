package org.certrevoke.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMailTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void failedDeliveriesBackOffExponentiallyUpToTheLongestDelay() {
        OutboxMail mail = new OutboxMail("h@example.test", "s", "b", NOW);
        Duration first = Duration.ofSeconds(30);
        Duration longest = Duration.ofMinutes(5);
        mail.failed(NOW, "refused", first, longest);
        assertEquals(NOW.plusSeconds(30), mail.getNextAttemptAt());
        mail.failed(NOW, "refused", first, longest);
        assertEquals(NOW.plusSeconds(60), mail.getNextAttemptAt());
        mail.failed(NOW, "refused", first, longest);
        assertEquals(NOW.plusSeconds(120), mail.getNextAttemptAt());
        for (int i = 0; i < 40; i++) {
            mail.failed(NOW, "refused", first, longest);
        }
        assertEquals(NOW.plus(longest), mail.getNextAttemptAt());
        assertEquals(OutboxMail.Status.PENDING, mail.getStatus());
        assertEquals(43, mail.getAttempts());
    }

    @Test
    void deliveryEndsTheRetries() {
        OutboxMail mail = new OutboxMail("h@example.test", "s", "b", NOW);
        mail.failed(NOW, "x".repeat(5000), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertEquals(1000, mail.getLastError().length(), "error text is bounded to its column");
        mail.delivered(NOW.plusSeconds(5));
        assertEquals(OutboxMail.Status.SENT, mail.getStatus());
        assertEquals(NOW.plusSeconds(5), mail.getSentAt());
        assertEquals(null, mail.getLastError());
    }

    @Test
    void retryMakesAFailedMailDueNowAndKeepsItsHistory() {
        OutboxMail mail = new OutboxMail("h@example.test", "s", "b", NOW);
        mail.failed(NOW, "refused", Duration.ofHours(1), Duration.ofHours(1));
        assertTrue(mail.isFailed());
        Instant later = NOW.plusSeconds(60);

        mail.retryNow(later);

        assertEquals(later, mail.getNextAttemptAt());
        assertEquals(1, mail.getAttempts());
        assertEquals("refused", mail.getLastError());
        assertEquals(OutboxMail.Status.PENDING, mail.getStatus());
    }

    @Test
    void sentMailRefusesRetry() {
        OutboxMail mail = new OutboxMail("h@example.test", "s", "b", NOW);
        mail.delivered(NOW);
        assertFalse(mail.isFailed());
        assertThrows(IllegalStateException.class, () -> mail.retryNow(NOW.plusSeconds(1)));
        assertEquals(OutboxMail.Status.SENT, mail.getStatus());
    }

    @Test
    void aClaimedMailIsNotClaimableAgainUntilItsLeaseEnds() {
        OutboxMail mail = new OutboxMail("h@example.test", "s", "b", NOW);
        assertTrue(mail.claimable(NOW));
        mail.claim(NOW, Duration.ofMinutes(5), "first");

        assertEquals(OutboxMail.Status.SENDING, mail.getStatus());
        assertFalse(mail.claimable(NOW.plusSeconds(299)), "the sender is still within its lease");
        assertThrows(IllegalStateException.class, () -> mail.claim(NOW.plusSeconds(299), Duration.ofMinutes(5), "second"));
        assertTrue(mail.claimable(NOW.plusSeconds(300)), "a crashed sender's lease ends");

        mail.claim(NOW.plusSeconds(300), Duration.ofMinutes(5), "second");
        assertFalse(mail.claimedWith("first"), "the first sender's outcome no longer counts");
        assertTrue(mail.claimedWith("second"));
        assertEquals(0, mail.getAttempts(), "a claim is not an attempt");
    }

    @Test
    void theOutcomeEndsTheClaim() {
        OutboxMail mail = new OutboxMail("h@example.test", "s", "b", NOW);
        mail.claim(NOW, Duration.ofMinutes(5), "token");
        mail.failed(NOW, "read timed out", Duration.ofSeconds(30), Duration.ofHours(1));
        assertEquals(OutboxMail.Status.PENDING, mail.getStatus());
        assertEquals(null, mail.getLeaseUntil());
        assertFalse(mail.claimedWith("token"));
        assertFalse(mail.claimable(NOW.plusSeconds(29)));

        mail.claim(NOW.plusSeconds(30), Duration.ofMinutes(5), "again");
        mail.released();
        assertEquals(OutboxMail.Status.PENDING, mail.getStatus());
        assertEquals(1, mail.getAttempts(), "a mail released untried counts no attempt");
        assertTrue(mail.claimable(NOW.plusSeconds(30)));

        mail.claim(NOW.plusSeconds(30), Duration.ofMinutes(5), "last");
        mail.delivered(NOW.plusSeconds(31));
        assertEquals(OutboxMail.Status.SENT, mail.getStatus());
        assertFalse(mail.claimable(NOW.plus(Duration.ofDays(1))), "a sent mail is never claimed again");
    }

    @Test
    void retryLeavesAMailBeingSentToItsSender() {
        OutboxMail mail = new OutboxMail("h@example.test", "s", "b", NOW);
        mail.claim(NOW, Duration.ofMinutes(5), "token");
        mail.retryNow(NOW.plusSeconds(1));
        assertTrue(mail.claimedWith("token"));
        assertFalse(mail.claimable(NOW.plusSeconds(1)));
    }
}
