package org.certrevoke.registry.api;

/**
 * Whether a body's brackets close, outside strings, and nest no deeper than a request ever needs. JSON-P's
 * parser loops without end when it skips an unknown member whose object never closes; a body of that
 * shape is refused before it is parsed.
 */
final class JsonShape {

    static final int DEEPEST = 32;

    private JsonShape() {
    }

    static boolean acceptable(byte[] body) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : body) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > DEEPEST) {
                    return false;
                }
            } else if (b == '}' || b == ']') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0 && !inString;
    }
}
