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
        assertEquals("saintetienne", AnswerNormaliser.normalise("Saint\u00a0-\tÉtienne\n"));
    }

    @Test
    void foldsCompatibilityForms() {
        assertEquals("quimper", AnswerNormaliser.normalise("ＱＵＩＭＰＥＲ"));
        assertEquals("fin", AnswerNormaliser.normalise("ﬁn"));
    }

    @Test
    void keepsAnswersThatDifferInLettersApart() {
        assertNotEquals(AnswerNormaliser.normalise("Quimper"), AnswerNormaliser.normalise("Quimperlé"));
        assertNotEquals(AnswerNormaliser.normalise("Lodz"), AnswerNormaliser.normalise("Łódzka"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", AnswerNormaliser.normalise(null));
    }

    @Test
    void typographicApostrophesMatchTheTypewriterOne() {
        assertEquals(AnswerNormaliser.normalise("Le Floc'h"), AnswerNormaliser.normalise("Le Floc\u2019h"));
        assertEquals("lefloch", AnswerNormaliser.normalise("LE FLOC\u02BCH"));
    }

    @Test
    void hyphensDashesAndApostrophesAreIgnored() {
        assertEquals(AnswerNormaliser.normalise("Kerjean Tremel"), AnswerNormaliser.normalise("Kerjean-Trémel"));
        assertEquals(AnswerNormaliser.normalise("Kerjean Tremel"), AnswerNormaliser.normalise("Kerjean\u2013Trémel"));
        assertEquals(AnswerNormaliser.normalise("Le Floch"), AnswerNormaliser.normalise("Le Floc'h"));
        assertEquals(AnswerNormaliser.normalise("Jean Pierre"), AnswerNormaliser.normalise("Jean\u2011Pierre"));
    }

    @Test
    void lettersWithAStrokeAndLigaturesAreFolded() {
        assertEquals("lodz", AnswerNormaliser.normalise("Łódź"));
        assertEquals("oresund", AnswerNormaliser.normalise("Øresund"));
        assertEquals("oeuvre", AnswerNormaliser.normalise("Œuvre"));
        assertEquals("strasse", AnswerNormaliser.normalise("Straße"));
        assertEquals("dakovica", AnswerNormaliser.normalise("Đakovica"));
        assertEquals("istanbul", AnswerNormaliser.normalise("İstanbul"));
    }

    @Test
    void theFirstFormIsKeptAsAnswersWereHashedInIt() {
        assertEquals("kerjean-tremel", AnswerNormaliser.firstForm("Kerjean-Trémel"));
        assertEquals("łodz", AnswerNormaliser.firstForm("Łódź"));
        assertEquals("lefloc'h", AnswerNormaliser.firstForm("LE FLOC\u02BCH"));
        assertEquals("legoff", AnswerNormaliser.firstForm(" Le Goff "));
    }
}
