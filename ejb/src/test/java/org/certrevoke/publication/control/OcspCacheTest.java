package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
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

    private static OcspCache cache(Duration maxAge) {
        OcspCache cache = new OcspCache();
        cache.maxAge = maxAge;
        cache.maxEntries = 10;
        return cache;
    }

    @Test
    void servesTheAnswerByTheRequestsBytesAndTheStatusByCertId() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        cache.put(ID, "ca", "0a", CertificateStatus.GOOD, REQUEST, GOOD, cache.generation());

        assertArrayEquals(GOOD, cache.answer(REQUEST.clone()));
        assertEquals(CertificateStatus.GOOD, cache.status(ID.clone()).status());
        assertNull(cache.answer(ID));
    }

    @Test
    void keepsOnlyTheStatusWhenThereIsNoAnswerToKeep() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        UnknownStatus unknown = new UnknownStatus();
        cache.put(ID, "ca", "0a", unknown, REQUEST, null, cache.generation());

        assertNull(cache.answer(REQUEST));
        assertEquals(unknown, cache.status(ID).status());
    }

    @Test
    void aRevocationEvictsTheCertificatesEntriesOnly() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        cache.put(ID, "ca", "0a", CertificateStatus.GOOD, REQUEST, GOOD, cache.generation());
        cache.put(OTHER_ID, "ca", "0b", CertificateStatus.GOOD, OTHER_REQUEST, OTHER, cache.generation());

        cache.evict("ca", "0a");

        assertNull(cache.answer(REQUEST));
        assertNull(cache.status(ID));
        assertArrayEquals(OTHER, cache.answer(OTHER_REQUEST));
    }

    @Test
    void refusesWhatWasReadBeforeARevocationCommitted() {
        OcspCache cache = cache(Duration.ofMinutes(1));
        long readBefore = cache.generation();

        cache.evict("ca", "0a");
        cache.put(ID, "ca", "0a", CertificateStatus.GOOD, REQUEST, GOOD, readBefore);

        assertNull(cache.answer(REQUEST));
        assertNull(cache.status(ID));
    }

    @Test
    void forgetsEntriesOlderThanTheMaximumAge() {
        OcspCache cache = cache(Duration.ZERO);
        cache.put(ID, "ca", "0a", CertificateStatus.GOOD, REQUEST, GOOD, cache.generation());

        assertNull(cache.answer(REQUEST));
        assertNull(cache.status(ID));
    }
}
