package org.certrevoke.backoffice.control;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;
import org.certrevoke.platform.validation.EmailAddress;

/**
 * What an operator typed to find a certificate for a caller or a letter: the serial (hex, with or
 * without separators, whole or its beginning), or any part of the holder's e-mail or name, or of the
 * organisation's name or identifier. The filled fields must all match; at least one must be filled.
 */
public record StaffSearch(String serial, String email, String name, String organisation) implements Serializable {

    public static final int LONGEST_FIELD = EmailAddress.MAX_LENGTH;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:\\-]");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]*");

    public StaffSearch {
        for (String field : new String[] {serial, email, name, organisation}) {
            if (field != null && field.length() > LONGEST_FIELD) {
                throw new IllegalArgumentException("search field too long");
            }
        }
        if (!HEX.matcher(serialDigits(serial)).matches()) {
            throw new IllegalArgumentException("a serial is hexadecimal");
        }
    }

    public boolean isEmpty() {
        return !filled(serial) && !filled(email) && !filled(name) && !filled(organisation);
    }

    /** The serial as the registry stores it (lower-case hex, no separators, no leading zeros kept). */
    public String serialDigits() {
        return serialDigits(serial);
    }

    static boolean filled(String field) {
        return field != null && !field.isBlank();
    }

    private static String serialDigits(String typed) {
        return typed == null ? "" : SEPARATORS.matcher(typed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
