package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OcspCacheTest {

    private static final byte[] GOOD = {1};
    private static final byte[] OTHER = {2};

    private static OcspCache cache(Duration maxAge) {
        OcspCache cache = new OcspCache();
        cache.maxAge = maxAge;
        cache.maxEntries = 10;
        return cache;
    }

    @Test
    void servesWhatWasPut() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        cache.put("id", "ca", "0a", GOOD, cache.generation());

        assertArrayEquals(GOOD, cache.get("id"));
    }

    @Test
    void aRevocationEvictsTheCertificatesAnswersOnly() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        cache.put("id", "ca", "0a", GOOD, cache.generation());
        cache.put("other", "ca", "0b", OTHER, cache.generation());

        cache.evict("ca", "0a");

        assertNull(cache.get("id"));
        assertArrayEquals(OTHER, cache.get("other"));
    }

    @Test
    void refusesAnAnswerReadBeforeARevocationCommitted() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        long readBefore = cache.generation();

        cache.evict("ca", "0a");
        cache.put("id", "ca", "0a", GOOD, readBefore);

        assertNull(cache.get("id"));
    }

    @Test
    void forgetsAnswersOlderThanTheMaximumAge() {
        OcspCache cache = cache(Duration.ZERO);
        cache.put("id", "ca", "0a", GOOD, cache.generation());

        assertNull(cache.get("id"));
    }
}
