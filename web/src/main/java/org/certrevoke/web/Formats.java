package org.certrevoke.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dates as the CA's pages have always shown them ({@code dd-MM-yyyy HH:mm:ss}, CA time zone), serials, names. */
@Named
@ApplicationScoped
public class Formats {

    private static final int SHORT_SERIAL = 8;

    @Inject
    @ConfigProperty(name = "certrevoke.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(zone()).format(instant);
    }

    /** The CA's time zone, in which dates are shown and typed dates are read. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /**
     * A name after "of": in French {@code de Paul}, {@code d'Anaïs} (elided before a vowel); in English the
     * name as it is, the message saying "of".
     */
    public String ofName(String name, String language) {
        if (!"fr".equals(language) || name == null) {
            return name;
        }
        String first = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        return !first.isEmpty() && "AEIOUYaeiouy".indexOf(first.charAt(0)) >= 0 ? "d'" + name.strip() : "de " + name.strip();
    }

    public String shortSerial(String serial) {
        return serial == null || serial.length() <= SHORT_SERIAL ? serial : serial.substring(0, SHORT_SERIAL) + "…";
    }
}
