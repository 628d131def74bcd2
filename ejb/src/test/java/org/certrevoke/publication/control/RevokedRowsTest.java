package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RevokedRowsTest {

    @Test
    void readsStoredSerialsAsBigIntegerEncodesThem() {
        String[] serials = {"0", "00", "1", "7f", "80", "ff", "100", "0080", "00ff01", "7fe1d2c3b4a5968778695a4b3c2d1e0f",
            "ffe1d2c3b4a5968778695a4b3c2d1e0f", "ABCDEF0123"};
        for (String serial : serials) {
            assertArrayEquals(new BigInteger(serial, 16).toByteArray(), RevokedRows.serial(serial), serial);
        }
        Random random = new Random(6960);
        for (int i = 0; i < 10_000; i++) {
            String serial = new BigInteger(1 + random.nextInt(160), random).toString(16);
            assertArrayEquals(new BigInteger(serial, 16).toByteArray(), RevokedRows.serial(serial), serial);
        }
    }

    @Test
    void refusesASerialThatIsNotHexadecimal() {
        assertThrows(NumberFormatException.class, () -> RevokedRows.serial("12g4"));
    }
}
