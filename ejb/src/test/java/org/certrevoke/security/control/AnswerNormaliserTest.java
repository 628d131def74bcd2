package org.certrevoke.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AnswerNormaliserTest {

    @Test
    void matchesWhateverCaseAccentsAndSpaces() {
        assertEquals("quimper", AnswerNormaliser.normalise(" QUIMPER "));
        assertEquals("quimper", AnswerNormaliser.normalise("quimper"));
        assertEquals("quimper", AnswerNormaliser.normalise("Quimpér"));
        assertEquals("quimper", AnswerNormaliser.normalise("Quimpe\u0301r"));
        assertEquals(AnswerNormaliser.normalise("legoff"), AnswerNormaliser.normalise("Le Goff"));
        assertEquals(AnswerNormaliser.normalise("14h30"), AnswerNormaliser.normalise("14 H 30"));
        assertEquals("saint-etienne", AnswerNormaliser.normalise("Saint\u00a0-\tÉtienne\n"));
    }

    @Test
    void foldsCompatibilityForms() {
        assertEquals("quimper", AnswerNormaliser.normalise("ＱＵＩＭＰＥＲ"));
        assertEquals("fin", AnswerNormaliser.normalise("ﬁn"));
    }

    @Test
    void keepsAnswersThatDifferInLettersApart() {
        assertNotEquals(AnswerNormaliser.normalise("Quimper"), AnswerNormaliser.normalise("Quimperlé"));
        assertNotEquals(AnswerNormaliser.normalise("14h30"), AnswerNormaliser.normalise("14h-30"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", AnswerNormaliser.normalise(null));
    }

    @Test
    void typographicApostrophesMatchTheTypewriterOne() {
        assertEquals(AnswerNormaliser.normalise("Le Floc'h"), AnswerNormaliser.normalise("Le Floc\u2019h"));
        assertEquals("lefloc'h", AnswerNormaliser.normalise("LE FLOC\u02BCH"));
    }
}
