package org.certrevoke.publication.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;

/** DER tags and definite lengths (X.690 §8.1.3), for the structures this package writes by hand. */
final class Der {

    static final int SEQUENCE = 0x30;

    private Der() {
    }

    /** A tag and definite length. */
    static byte[] header(int tag, long length) {
        byte[] header = new byte[headerLength(length)];
        put(header, 0, tag, length);
        return header;
    }

    /** The size of the tag and length octets in front of {@code length} content octets. */
    static int headerLength(long length) {
        return length < 0x80 ? 2 : 2 + octets(length);
    }

    /** The size of a whole element (tag, length and content) of {@code length} content octets. */
    static int elementLength(int length) {
        return headerLength(length) + length;
    }

    /** Writes a tag and definite length at {@code at}; returns where its content starts. */
    static int put(byte[] out, int at, int tag, long length) {
        out[at++] = (byte) tag;
        if (length < 0x80) {
            out[at++] = (byte) length;
            return at;
        }
        int octets = octets(length);
        out[at++] = (byte) (0x80 | octets);
        for (int i = octets - 1; i >= 0; i--) {
            out[at++] = (byte) (length >>> (8 * i));
        }
        return at;
    }

    /** The DER encoding of an ASN.1 value built with Bouncy Castle. */
    static byte[] encode(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies already encoded octets at {@code at}; returns the position after them. */
    static int put(byte[] out, int at, byte[] encoded) {
        System.arraycopy(encoded, 0, out, at, encoded.length);
        return at + encoded.length;
    }

    private static int octets(long length) {
        return (64 - Long.numberOfLeadingZeros(length) + 7) / 8;
    }
}
