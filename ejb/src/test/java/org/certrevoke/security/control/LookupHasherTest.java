package org.certrevoke.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LookupHasherTest {

    private static final byte[] KEY = HexFormat.of()
            .parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private final LookupHasher lookup = new LookupHasher(KEY);

    @Test
    void sameDocumentNumberWrittenDifferentlyGivesSameLookup() {
        String expected = lookup.idDocument("FR-123456789");

        assertEquals(expected, lookup.idDocument("fr-123456789"));
        assertEquals(expected, lookup.idDocument("FR 123456789"));
        assertEquals(expected, lookup.idDocument(" fr.123/456\u2013789 "));
        assertEquals(expected, lookup.idDocument("ＦＲ１２３４５６７８９"));
    }

    @Test
    void lookupIsHmacSha256OfPrefixedNormalisedNumber() {
        // printf 'id-document:FR123456789' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0001…1f
        assertEquals("dd20c1314a68f236409fbda286a7e940ae5288fdd0410888e0225fe63017b70c",
                lookup.idDocument("FR-123456789"));
    }

    @Test
    void differentDocumentNumbersGiveDifferentLookups() {
        assertNotEquals(lookup.idDocument("FR-123456789"), lookup.idDocument("FR-123456788"));
    }

    @Test
    void differentKeyGivesDifferentLookup() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertNotEquals(lookup.idDocument("FR-123456789"), new LookupHasher(otherKey).idDocument("FR-123456789"));
    }

    @Test
    void configuredBase64KeyGivesSameLookupAsRawKey() {
        LookupHasher configured = new LookupHasher();
        configured.keyBase64 = Base64.getEncoder().encodeToString(KEY);
        configured.decodeKey();

        assertEquals(lookup.idDocument("FR-123456789"), configured.idDocument("FR-123456789"));
    }

    @Test
    void refusesShortKey() {
        assertThrows(IllegalStateException.class, () -> new LookupHasher(new byte[31]));

        LookupHasher configured = new LookupHasher();
        configured.keyBase64 = Base64.getEncoder().encodeToString(new byte[31]);
        assertThrows(IllegalStateException.class, configured::decodeKey);
    }

    @Test
    void refusesKeyThatIsNotBase64() {
        LookupHasher configured = new LookupHasher();
        configured.keyBase64 = "not base64 at all!";

        assertThrows(IllegalStateException.class, configured::decodeKey);
    }

    @Test
    void refusesEmptyDocumentNumber() {
        assertThrows(IllegalArgumentException.class, () -> lookup.idDocument(" - "));
    }

    @Test
    void normalisesToUpperCaseWithoutSeparators() {
        assertEquals("FR123456789", LookupHasher.normaliseIdDocument(" fr-123.456/789 "));
    }
}
