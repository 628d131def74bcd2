package org.certrevoke.registry.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    @Test
    void acceptsWellFormedBodiesWithBracketsAndQuotesInsideStrings() {
        assertTrue(acceptable(""));
        assertTrue(acceptable("{\"a\": [1, {\"b\": \"}]{[\"}], \"c\": \"say \\\"{\\\" \\\\\"}"));
        assertTrue(acceptable("[".repeat(JsonShape.DEEPEST) + "]".repeat(JsonShape.DEEPEST)));
    }

    @Test
    void refusesObjectsThatNeverCloseOrNestTooDeep() {
        assertFalse(acceptable("{\"a\":".repeat(5_000)));
        assertFalse(acceptable("{\"a\":{\"b\":1}"));
        assertFalse(acceptable("{\"a\": \"never closed}"));
        assertFalse(acceptable("}{"));
        assertFalse(acceptable("[".repeat(JsonShape.DEEPEST + 1) + "]".repeat(JsonShape.DEEPEST + 1)));
    }

    private static boolean acceptable(String body) {
        return JsonShape.acceptable(body.getBytes(StandardCharsets.UTF_8));
    }
}
