package org.certrevoke.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretCodesTest {

    private final SecretCodes codes = new SecretCodes();

    @Test
    void cancellationCodeHasSixtyBitsInThreeGroups() {
        Set<Character> seen = new HashSet<>();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = codes.cancellationCode();
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), code);
            distinct.add(code);
            code.replace("-", "").chars().forEach(c -> seen.add((char) c));
        }

        assertEquals(32, seen.size(), "all 32 symbols (5 bits each) appear: " + seen);
        assertEquals(1000, distinct.size());
    }

    @Test
    void generatedCodeIsAlreadyCanonical() {
        String code = codes.cancellationCode();

        assertEquals(code.replace("-", ""), SecretCodes.normaliseCancellationCode(code));
    }

    @Test
    void typedCodeWithAmbiguousLettersIsNormalised() {
        assertEquals("ABCDEFGH0110", SecretCodes.normaliseCancellationCode(" abcd-efgh oil0 "));
        assertEquals("0110ZZZZ1111", SecretCodes.normaliseCancellationCode("OIL0\u2013zzzz\u00a0iIlL"));
        assertEquals("", SecretCodes.normaliseCancellationCode(null));
    }

    @Test
    void digitsAreUniformlyDecimal() {
        int count = 200_000;
        String digits = codes.digits(count);

        assertEquals(count, digits.length());
        assertTrue(digits.chars().allMatch(c -> c >= '0' && c <= '9'), "only decimal digits");
        int[] frequencies = new int[10];
        digits.chars().forEach(c -> frequencies[c - '0']++);
        double expected = count / 10.0;
        double chiSquare = 0;
        for (int frequency : frequencies) {
            chiSquare += (frequency - expected) * (frequency - expected) / expected;
        }
        // 9 degrees of freedom: above 50 happens by chance less than once in ten million runs.
        assertTrue(chiSquare < 50, "chi-square " + chiSquare);
    }

    @Test
    void digitsHaveTheRequestedLength() {
        assertEquals(6, codes.digits(6).length());
        assertEquals(20, codes.digits(20).length());
        assertThrows(IllegalArgumentException.class, () -> codes.digits(0));
    }

    @Test
    void typedDigitsLoseSpacesAndDashes() {
        assertEquals("12345678901234567890", SecretCodes.normaliseDigits(" 1234-5678 9012-3456 7890 "));
        assertEquals("123456", SecretCodes.normaliseDigits("１２３ ４５６"));
    }
}
