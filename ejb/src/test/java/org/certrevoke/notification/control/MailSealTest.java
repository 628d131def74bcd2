package org.certrevoke.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.certrevoke.security.control.LookupHasher;
import org.junit.jupiter.api.Test;

class MailSealTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final MailSeal seal = new MailSeal(new LookupHasher(key(7)));

    @Test
    void opensWhatItSealedAndHidesIt() {
        String body = "Votre code d'annulation : K7Q2-9XPM-4TRD";
        String sealed = seal.seal(body);
        assertFalse(sealed.contains("K7Q2"));
        assertEquals(body, seal.open(sealed));
        assertNotEquals(sealed, seal.seal(body), "a fresh nonce every time");
    }

    @Test
    void refusesAlteredTextAndAnotherKey() {
        String sealed = seal.seal("code 123456");
        char[] altered = sealed.toCharArray();
        altered[altered.length - 3] = altered[altered.length - 3] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> seal.open(new String(altered)));
        assertThrows(IllegalStateException.class, () -> new MailSeal(new LookupHasher(key(8))).open(sealed));
        assertThrows(IllegalStateException.class, () -> seal.open("plain text"));
    }
}
