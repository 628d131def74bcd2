package org.certrevoke.platform.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The patterns behind the shared constraints, on the values a careless or hostile caller sends. */
class ConstraintPatternsTest {

    private static final Pattern EMAIL = Pattern.compile(EmailAddress.ADDR_SPEC);
    private static final Pattern TEXT = Pattern.compile(Text.PRINTABLE);
    private static final Pattern IDENTIFIER = Pattern.compile(Identifier.PATTERN);
    private static final Pattern SERIAL = Pattern.compile(SerialNumber.PATTERN);

    @Test
    void emailAddressIsOneAddrSpec() {
        assertTrue(EMAIL.matcher("anna.le-meur+ra@example.test").matches());
        assertTrue(EMAIL.matcher("o'brien@mail.example.fr").matches());
        assertFalse(EMAIL.matcher("a@x.example,b@y.example").matches());
        assertFalse(EMAIL.matcher("a@x.example b@y.example").matches());
        assertFalse(EMAIL.matcher("a@x.example\r\nBcc: b@y.example").matches());
        assertFalse(EMAIL.matcher("Anna <a@x.example>").matches());
        assertFalse(EMAIL.matcher("a@localhost").matches());
        assertFalse(EMAIL.matcher("a@x.example\u0000").matches());
        assertFalse(EMAIL.matcher("").matches());
    }

    @Test
    void textRefusesWhatNobodyTypes() {
        assertTrue(TEXT.matcher("Maëlle Le Floc'h — Crêperie 🥞").matches());
        assertTrue(TEXT.matcher("👩\u200D💻 e\u0301").matches());
        assertTrue(TEXT.matcher("#{7*7} ${7*7} <script> ' OR 1=1--").matches(), "markup is escaped where shown, not refused");
        for (String hostile : new String[] {"a\u0000b", "a\r\nb", "a\tb", "\u001b[31m", "\u007f", "\u0085",
                "\u2028", "\u202eevil", "\u200b", "\ufeff", "\ud800", "\uffff", "\ue000"}) {
            assertFalse(TEXT.matcher(hostile).matches(), () -> "refused: " + hostile.codePoints().boxed().toList());
        }
    }

    @Test
    void identifierIsCapitalsDigitsAndHyphens() {
        assertTrue(IDENTIFIER.matcher("ORG-TAILLAN").matches());
        assertTrue(IDENTIFIER.matcher("A".repeat(64)).matches());
        assertFalse(IDENTIFIER.matcher("A".repeat(65)).matches());
        assertFalse(IDENTIFIER.matcher("-ORG").matches());
        assertFalse(IDENTIFIER.matcher("O").matches());
        assertFalse(IDENTIFIER.matcher("org-taillan").matches());
        assertFalse(IDENTIFIER.matcher("ORG-{X}").matches());
        assertFalse(IDENTIFIER.matcher("ORG\nX").matches());
    }

    @Test
    void serialIsPositiveAndAtMostTwentyOctets() {
        BigInteger largest = BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE);
        assertTrue(SERIAL.matcher(largest.toString(16)).matches());
        assertTrue(SERIAL.matcher("1").matches());
        assertTrue(SERIAL.matcher("00AB").matches());
        assertFalse(SERIAL.matcher(largest.add(BigInteger.ONE).toString(16)).matches(), "21 octets");
        assertFalse(SERIAL.matcher(BigInteger.ONE.shiftLeft(59 * 8).toString(16)).matches(), "60 octets");
        assertFalse(SERIAL.matcher("0").matches());
        assertFalse(SERIAL.matcher("-5").matches());
        assertFalse(SERIAL.matcher("").matches());
        assertFalse(SERIAL.matcher("../etc").matches());
    }
}
