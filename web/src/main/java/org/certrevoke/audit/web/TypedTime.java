package org.certrevoke.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment typed the way the pages show dates: {@code dd-MM-yyyy}, optionally followed by {@code HH:mm}
 * or {@code HH:mm:ss}, in the CA's time zone. What is typed covers a day, a minute or a second: a period
 * starts at the beginning of it and ends after the end of it.
 */
final class TypedTime {

    static final int LONGEST = 19;

    private static final Pattern FORM = Pattern.compile("(\\d{2})-(\\d{2})-(\\d{4})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2}))?)?");

    private final LocalDateTime start;
    private final ChronoUnit precision;

    private TypedTime(LocalDateTime start, ChronoUnit precision) {
        this.start = start;
        this.precision = precision;
    }

    /** Nothing for blank text; {@link DateTimeException} for anything that is not such a date. */
    static Optional<TypedTime> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        Matcher form = FORM.matcher(typed.strip());
        if (!form.matches()) {
            throw new DateTimeException("not dd-MM-yyyy [HH:mm[:ss]]");
        }
        int day = Integer.parseInt(form.group(1));
        int month = Integer.parseInt(form.group(2));
        int year = Integer.parseInt(form.group(3));
        if (form.group(4) == null) {
            return Optional.of(new TypedTime(LocalDateTime.of(year, month, day, 0, 0), ChronoUnit.DAYS));
        }
        int hour = Integer.parseInt(form.group(4));
        int minute = Integer.parseInt(form.group(5));
        if (form.group(6) == null) {
            return Optional.of(new TypedTime(LocalDateTime.of(year, month, day, hour, minute), ChronoUnit.MINUTES));
        }
        return Optional.of(new TypedTime(LocalDateTime.of(year, month, day, hour, minute, Integer.parseInt(form.group(6))),
                ChronoUnit.SECONDS));
    }

    Instant start(ZoneId zone) {
        return start.atZone(zone).toInstant();
    }

    /** The first instant after what was typed. */
    Instant end(ZoneId zone) {
        return start.plus(1, precision).atZone(zone).toInstant();
    }
}
