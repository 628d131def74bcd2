package org.certrevoke.publication.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublishedCrlTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void startsWithoutCrlAndNumbersTheFirstOne() {
        PublishedCrl crl = new PublishedCrl(7);

        assertFalse(crl.isIssued());
        assertEquals(1, crl.nextNumber());
    }

    @Test
    void numbersEachCrlAboveTheLast() {
        PublishedCrl crl = new PublishedCrl(7);
        crl.replace(crl.nextNumber(), NOW, NOW.plusSeconds(86400), 0, 0, new byte[] {1});
        crl.replace(crl.nextNumber(), NOW.plusSeconds(60), NOW.plusSeconds(86460), 1, 0, new byte[] {2});

        assertTrue(crl.isIssued());
        assertEquals(2, crl.getCrlNumber());
        assertEquals(3, crl.nextNumber());
        assertArrayEquals(new byte[] {2}, crl.getDer());
    }

    @Test
    void refusesToReuseANumber() {
        PublishedCrl crl = new PublishedCrl(7);
        crl.replace(5, NOW, NOW.plusSeconds(86400), 0, 0, new byte[] {1});

        assertThrows(IllegalArgumentException.class, () -> crl.replace(5, NOW, NOW, 0, 0, new byte[] {2}));
        assertThrows(IllegalArgumentException.class, () -> crl.replace(4, NOW, NOW, 0, 0, new byte[] {2}));
    }
}
