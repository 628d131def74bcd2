package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.certrevoke.demo.control.DemoPki;
import org.junit.jupiter.api.Test;

class CaKeysTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final DemoPki CA = DemoPki.createCa("CN=Test CA,O=certrevoke,C=FR", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(3650)));

    @Test
    void issuesTheResponderOnceAndAgainWhenHalfItsLifeIsGone() {
        CaKeys keys = new CaKeys("test-ca", 1, CA.certificate(), CA.privateKey(), Duration.ofDays(30));
        assertTrue(keys.responderDue(NOW), "no responder yet");

        OcspResponderKey first = keys.responder(NOW);

        assertFalse(keys.responderDue(NOW));
        assertSame(first, keys.responder(NOW.plus(Duration.ofDays(14))));
        assertFalse(keys.responderDue(NOW.plus(Duration.ofDays(14))));
        assertTrue(keys.responderDue(NOW.plus(Duration.ofDays(15))), "half of 30 days (and the 5 minutes back-dating) gone");
        OcspResponderKey renewed = keys.responder(NOW.plus(Duration.ofDays(15)));
        assertNotSame(first, renewed);
        assertFalse(keys.responderDue(NOW.plus(Duration.ofDays(15))));
    }
}
