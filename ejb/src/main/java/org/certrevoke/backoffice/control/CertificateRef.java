package org.certrevoke.backoffice.control;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A certificate as an operator names it: its serial in hexadecimal (as printed, with or without spaces
 * and colons, in any case) and, when known, the alias of the CA that issued it, since serials are only
 * unique per CA.
 */
public record CertificateRef(String authority, String serial) implements Serializable {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:]");

    public CertificateRef {
        authority = authority == null || authority.isBlank() ? null : authority.strip();
        serial = serial == null ? "" : SEPARATORS.matcher(serial).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Whether the serial can name a certificate at all; anything else is answered as unknown. */
    public boolean wellFormed() {
        return HEX.matcher(serial).matches() && (authority == null || authority.length() <= 64);
    }
}
