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
}
