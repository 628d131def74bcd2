package org.certrevoke.backoffice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CertificateRefTest {

    @Test
    void readsASerialAsPrintedWithSpacesColonsAndCapitals() {
        CertificateRef ref = new CertificateRef(" demo-ca ", "11:21 3B:36 AF");

        assertEquals("11213b36af", ref.serial());
        assertEquals("demo-ca", ref.authority());
        assertTrue(ref.wellFormed());
    }

    @Test
    void anythingButHexadecimalNamesNoCertificate() {
        assertFalse(new CertificateRef(null, null).wellFormed());
        assertFalse(new CertificateRef(null, "").wellFormed());
        assertFalse(new CertificateRef(null, "12g4").wellFormed());
        assertFalse(new CertificateRef(null, "a".repeat(65)).wellFormed());
        assertFalse(new CertificateRef("x".repeat(65), "ab").wellFormed());
        assertNull(new CertificateRef("  ", "ab").authority());
    }
}
