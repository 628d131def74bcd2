package org.certrevoke.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dates as the CA's pages have always shown them ({@code dd-MM-yyyy HH:mm:ss}, CA time zone). */
@Named
@ApplicationScoped
public class Formats {

    private static final int SHORT_SERIAL = 8;

    @Inject
    @ConfigProperty(name = "certrevoke.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    /** The CA's time zone, in which staff type dates too. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(zone()).format(instant);
    }

    /** The CA's time zone, in which dates are shown and typed dates are read. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String shortSerial(String serial) {
        return serial == null || serial.length() <= SHORT_SERIAL ? serial : serial.substring(0, SHORT_SERIAL) + "…";
    }
}
