package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.Test;

class OcspCacheTest {

    private static final byte[] ID = {10};
    private static final byte[] OTHER_ID = {11};
    private static final byte[] REQUEST = {20, 10};
    private static final byte[] OTHER_REQUEST = {21, 11};
    private static final byte[] GOOD = {1};
    private static final byte[] OTHER = {2};
    private static final OcspStatus GOOD_STATUS = OcspStatus.of(CertificateStatus.GOOD);
    private static final OcspAnswer GOOD_ANSWER = new OcspAnswer(GOOD, Instant.EPOCH);
    private static final OcspAnswer OTHER_ANSWER = new OcspAnswer(OTHER, Instant.EPOCH);

    private static OcspCache cache(Duration maxAge) {
        return cache(maxAge, Duration.ofHours(24));
    }

    private static OcspCache cache(Duration maxAge, Duration validity) {
        OcspCache cache = new OcspCache();
        cache.maxAge = maxAge;
        cache.maxEntries = 10;
        cache.profile = new OcspProfile(validity, Duration.ofMinutes(1));
        cache.start();
        return cache;
    }

    @Test
    void servesTheAnswerByTheRequestsBytesAndTheStatusByCertId() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        cache.put(ID, "ca", "0a", GOOD_STATUS, REQUEST, GOOD_ANSWER, cache.generation());

        assertArrayEquals(GOOD, cache.answer(REQUEST.clone()).der());
        assertEquals(GOOD_STATUS, cache.status(ID.clone()).status());
        assertNull(cache.answer(ID));
    }

    @Test
    void keepsOnlyTheStatusWhenThereIsNoAnswerToKeep() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        OcspStatus unknown = OcspStatus.of(new UnknownStatus());
        cache.put(ID, "ca", "0a", unknown, REQUEST, null, cache.generation());

        assertNull(cache.answer(REQUEST));
        assertEquals(unknown, cache.status(ID).status());
    }

    @Test
    void aRevocationEvictsTheCertificatesEntriesOnly() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        cache.put(ID, "ca", "0a", GOOD_STATUS, REQUEST, GOOD_ANSWER, cache.generation());
        cache.put(OTHER_ID, "ca", "0b", GOOD_STATUS, OTHER_REQUEST, OTHER_ANSWER, cache.generation());

        cache.evict("ca", "0a");

        assertNull(cache.answer(REQUEST));
        assertNull(cache.status(ID));
        assertArrayEquals(OTHER, cache.answer(OTHER_REQUEST).der());
    }

    @Test
    void refusesWhatWasReadBeforeARevocationCommitted() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        long readBefore = cache.generation();

        cache.evict("ca", "0a");
        cache.put(ID, "ca", "0a", GOOD_STATUS, REQUEST, GOOD_ANSWER, readBefore);

        assertNull(cache.answer(REQUEST));
        assertNull(cache.status(ID));
    }

    @Test
    void forgetsEntriesOlderThanTheMaximumAge() {
        OcspCache cache = cache(Duration.ZERO);
        cache.put(ID, "ca", "0a", GOOD_STATUS, REQUEST, GOOD_ANSWER, cache.generation());

        assertNull(cache.answer(REQUEST));
        assertNull(cache.status(ID));
    }

    @Test
    void signsAnAnswerAgainBeforeHalfItsValidityEvenWhenTheMaximumAgeIsLonger() {
        assertEquals(Duration.ofHours(4), cache(Duration.ofDays(30), Duration.ofHours(8)).lifetime());
        assertEquals(Duration.ofMinutes(1), cache(Duration.ofMinutes(1), Duration.ofHours(8)).lifetime());
    }

    @Test
    void whenFullMakesRoomByEvictingOneEntryNotEverything() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            put(cache, i);
            for (int read = 0; read < 3; read++) {
                cache.answer(request(i));
            }
        }

        put(cache, 10);
        int kept = 0;
        for (int i = 0; i < 10; i++) {
            kept += cache.answer(request(i)) == null ? 0 : 1;
        }
        for (int i = 11; i < 1000; i++) {
            put(cache, i);
        }

        assertTrue(kept >= 9, "the asked-for answers stay when one more comes: " + kept);
        assertTrue(cache.size() <= 20, "at most 10 statuses and 10 answers, not " + cache.size());
    }

    private static void put(OcspCache cache, int i) {
        cache.put(new byte[] {(byte) (i >> 8), (byte) i}, "ca", Integer.toHexString(i), GOOD_STATUS, request(i),
                GOOD_ANSWER, cache.generation());
    }

    private static byte[] request(int i) {
        return new byte[] {9, (byte) (i >> 8), (byte) i};
    }

    @Test
    void aRevocationMadeWhileAReadWasUnderwayKeepsItsResultOut() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        long readBefore = cache.generation();
        cache.put(OTHER_ID, "ca", "0b", GOOD_STATUS, OTHER_REQUEST, OTHER_ANSWER, readBefore);

        cache.evict("ca", "0a");
        cache.put(ID, "ca", "0a", GOOD_STATUS, REQUEST, GOOD_ANSWER, readBefore);

        assertNull(cache.answer(REQUEST));
        assertArrayEquals(OTHER, cache.answer(OTHER_REQUEST).der(), "another certificate's read stands");
    }
}
