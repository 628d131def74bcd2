package org.certrevoke.audit.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * What the auditor looks for in the log: records from {@code from} (inclusive) until {@code until}
 * (exclusive), of one event type, about certificates whose serial starts with {@code serial}, by an actor
 * whose name contains {@code actor} whatever the case. Empty fields do not filter.
 */
public record AuditFilter(Instant from, Instant until, String event, String serial, String actor) implements Serializable {

    public static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null, null);
    public static final int LONGEST_EVENT = 40;
    public static final int LONGEST_SERIAL = 64;
    public static final int LONGEST_ACTOR = 200;

    public AuditFilter {
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        event = blankToNull(event);
        serial = serialForm(serial);
        actor = blankToNull(actor);
        if (event != null && event.length() > LONGEST_EVENT || serial != null && serial.length() > LONGEST_SERIAL
                || actor != null && actor.length() > LONGEST_ACTOR) {
            throw new IllegalArgumentException("filter field too long");
        }
    }

    /**
     * A serial as the log stores it (lower-case hexadecimal, no leading zero), from the ways people copy
     * one: upper case, with colons or spaces between octets, with leading zeros.
     */
    public static String serialForm(String typed) {
        if (typed == null) {
            return null;
        }
        String compact = typed.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
        if (compact.matches("[0-9a-f]+")) {
            compact = compact.replaceFirst("^0+(?=.)", "");
        }
        return compact.isEmpty() ? null : compact;
    }

    /** Whether text is a serial as a person may type one: hexadecimal digits, colons and spaces. */
    public static boolean looksLikeSerial(String typed) {
        return typed == null || typed.isBlank() || typed.strip().matches("[0-9A-Fa-f:\\s]+");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
