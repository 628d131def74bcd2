package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DerTest {

    @Test
    void encodesShortAndLongLengths() {
        assertArrayEquals(new byte[] {0x30, 0x7f}, Der.header(0x30, 127));
        assertArrayEquals(new byte[] {0x30, (byte) 0x81, (byte) 0x80}, Der.header(0x30, 128));
        assertArrayEquals(new byte[] {0x04, (byte) 0x82, 0x01, 0x00}, Der.header(0x04, 256));
        assertArrayEquals(new byte[] {0x30, (byte) 0x83, 0x01, 0x00, 0x00}, Der.header(0x30, 65536));
    }

    @Test
    void elementLengthCountsTagLengthAndContent() {
        assertEquals(2 + 127, Der.elementLength(127));
        assertEquals(3 + 128, Der.elementLength(128));
        assertEquals(4 + 300, Der.elementLength(300));
    }

    @Test
    void writesInPlaceAndSaysWhereTheContentStarts() {
        byte[] out = new byte[8];
        int at = Der.put(out, 1, 0x04, 200);
        at = Der.put(out, at, new byte[] {1, 2});

        assertArrayEquals(new byte[] {0, 0x04, (byte) 0x81, (byte) 200, 1, 2, 0, 0}, out);
        assertEquals(6, at);
    }
}
