package org.certrevoke.security.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A holder who answers "Quimpér" on the phone and "quimper" on the web must be recognised
 * both times, yet the answer is kept only as a hash: the folding has to happen before
 * hashing. Every stored hash depends on this exact folding, so changing it means asking
 * every holder for their answers again.
 */
public final class AnswerNormaliser {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");
    /** Typographic apostrophes, as phones and word processors type them. */
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC\u2032\u0060\u00B4]");

    private AnswerNormaliser() {
    }

    public static String normalise(String answer) {
        if (answer == null) {
            return "";
        }
        String compatible = Normalizer.normalize(answer, Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(compatible, Normalizer.Form.NFD);
        String unaccented = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String lowerCase = unaccented.toLowerCase(Locale.ROOT);
        String plainApostrophes = APOSTROPHES.matcher(lowerCase).replaceAll("'");
        return WHITESPACE.matcher(plainApostrophes).replaceAll("");
    }
}
