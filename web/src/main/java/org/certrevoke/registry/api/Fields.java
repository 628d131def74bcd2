package org.certrevoke.registry.api;

import java.util.Arrays;
import org.certrevoke.registry.control.RegistrationRefusedException;
import org.certrevoke.registry.control.RegistrationRefusedException.Why;

/** A field that names one of a fixed set of values; refused with the set, never with what was sent. */
final class Fields {

    private Fields() {
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new RegistrationRefusedException(Why.INVALID_FIELD, field + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
