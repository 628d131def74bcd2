package org.certrevoke.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Codes are read aloud on the phone, copied from letters and typed on mobiles. Crockford's
 * base32 has no letters that look like digits, and decoding forgives the usual confusions
 * (O for 0, I or L for 1), so a holder is not locked out by a typing slip; the canonical
 * form is what gets hashed and compared. One {@link SecureRandom} per application avoids
 * reseeding on every request.
 */
@ApplicationScoped
public class SecretCodes {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final int GROUPS = 3;
    private static final int GROUP_LENGTH = 4;
    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\p{IsWhite_Space}\\p{Pd}]+");

    private final SecureRandom random = new SecureRandom();

    public String cancellationCode() {
        StringBuilder code = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(CROCKFORD.charAt(random.nextInt(CROCKFORD.length())));
            }
        }
        return code.toString();
    }

    public static String normaliseCancellationCode(String typed) {
        return withoutSpacesAndDashes(typed).toUpperCase(Locale.ROOT)
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
    }

    public String digits(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    public static String normaliseDigits(String typed) {
        return withoutSpacesAndDashes(typed);
    }

    private static String withoutSpacesAndDashes(String typed) {
        if (typed == null) {
            return "";
        }
        String compatible = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        return SPACES_AND_DASHES.matcher(compatible).replaceAll("");
    }
}
