package org.certrevoke.it;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** HTTP dates (RFC 9110 §5.6.7), as {@code Last-Modified} and {@code Expires} carry them. */
public final class HttpDates {

    private HttpDates() {
    }

    /** Milliseconds since the epoch. */
    public static long parse(String date) {
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    }
}
