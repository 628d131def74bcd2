package org.certrevoke.security.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A holder who answers "Quimpér" on the phone and "quimper" on the web must be recognised
 * both times, yet the answer is kept only as a hash: the folding has to happen before
 * hashing. {@link #normalise} ignores case, accents, spaces, hyphens and dashes, apostrophes, and
 * folds letters with a stroke or ligatures ("Kerjean Tremel" = "Kerjean-Trémel", "Lodz" = "Łódź",
 * "Le Floch" = "Le Floc'h"). Answers registered before hyphens, apostrophes and strokes were folded were
 * hashed in {@link #firstForm}: a proof checks that form too where the two differ, and keeps the answer
 * under the new form once it matched (HolderProofs).
 */
public final class AnswerNormaliser {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");
    /** Typographic apostrophes, as phones and word processors type them. */
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC\u2032\u0060\u00B4]");
    /** Spaces, apostrophes of every kind, hyphens, dashes and the minus sign. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{IsWhite_Space}\\p{Pd}'\u2018\u2019\u02BC\u2032\u0060\u00B4\u2212]+");
    /** Letters that no decomposition takes apart: strokes, ligatures, the dotless i. */
    private static final Map<Character, String> UNDECOMPOSABLE = Map.ofEntries(
            Map.entry('ł', "l"), Map.entry('ø', "o"), Map.entry('đ', "d"), Map.entry('ħ', "h"), Map.entry('ŧ', "t"),
            Map.entry('ƚ', "l"), Map.entry('ɨ', "i"), Map.entry('ı', "i"), Map.entry('ð', "d"), Map.entry('þ', "th"),
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"));

    private AnswerNormaliser() {
    }

    /** The form answers are hashed in. */
    public static String normalise(String answer) {
        if (answer == null) {
            return "";
        }
        String compatible = Normalizer.normalize(answer, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String unaccented = COMBINING_MARKS.matcher(Normalizer.normalize(compatible, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder folded = new StringBuilder(unaccented.length());
        unaccented.chars().forEach(c -> folded.append(UNDECOMPOSABLE.getOrDefault((char) c, Character.toString(c))));
        return SEPARATORS.matcher(folded).replaceAll("");
    }

    /** The form answers were hashed in at first: case, accents and spaces only. */
    public static String firstForm(String answer) {
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
