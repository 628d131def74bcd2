package org.certrevoke.registry.api;

import java.util.ArrayList;
import java.util.List;
import org.certrevoke.registry.control.RegistrationRefusedException;
import org.certrevoke.registry.control.RegistrationRefusedException.Why;

/** Collects every missing or too long field of a request, so that one refusal names them all. */
final class Fields {

    private final List<String> missing = new ArrayList<>();
    private final List<String> tooLong = new ArrayList<>();

    Fields require(String name, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            missing.add(name);
        }
        return this;
    }

    Fields require(String name, String value, int longest) {
        require(name, value);
        return limit(name, value, longest);
    }

    Fields limit(String name, String value, int longest) {
        if (value != null && value.length() > longest) {
            tooLong.add(name + " (at most " + longest + " characters)");
        }
        return this;
    }

    void check() {
        if (!missing.isEmpty()) {
            throw new RegistrationRefusedException(Why.MISSING_FIELD, "Missing: " + String.join(", ", missing) + ".");
        }
        if (!tooLong.isEmpty()) {
            throw new RegistrationRefusedException(Why.INVALID_FIELD, "Too long: " + String.join(", ", tooLong) + ".");
        }
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new RegistrationRefusedException(Why.INVALID_FIELD, field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
