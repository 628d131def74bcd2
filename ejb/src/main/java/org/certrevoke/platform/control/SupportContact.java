package org.certrevoke.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How to reach the certification authority's support: shown on every public page, with the messages of a
 * holder or representative who is locked out, and at the end of every mail. Each value is a configuration
 * key; lines of the address are separated by {@code ;}. A key left unset shows its own name, so that a
 * server without them is noticed.
 */
@ApplicationScoped
public class SupportContact {

    @Inject
    @ConfigProperty(name = "certrevoke.support.name", defaultValue = "Assistance de l'autorité de certification")
    String name;

    @Inject
    @ConfigProperty(name = "certrevoke.support.address", defaultValue = "Adresse à configurer;(certrevoke.support.address)")
    String address;

    @Inject
    @ConfigProperty(name = "certrevoke.support.phone", defaultValue = "(certrevoke.support.phone)")
    String phone;

    @Inject
    @ConfigProperty(name = "certrevoke.support.email", defaultValue = "(certrevoke.support.email)")
    String email;

    @Inject
    @ConfigProperty(name = "certrevoke.support.hours", defaultValue = "(certrevoke.support.hours)")
    String hours;

    @Inject
    @ConfigProperty(name = "certrevoke.support.hours.en", defaultValue = " ")
    String hoursInEnglish;

    /** A contact with these values, outside the container. */
    public static SupportContact of(String name, String address, String phone, String email, String hours, String hoursInEnglish) {
        SupportContact contact = new SupportContact();
        contact.name = name;
        contact.address = address;
        contact.phone = phone;
        contact.email = email;
        contact.hours = hours;
        contact.hoursInEnglish = hoursInEnglish;
        return contact;
    }

    public String name() {
        return name.trim();
    }

    public List<String> addressLines() {
        return Arrays.stream(address.split(";")).map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    public String phone() {
        return phone.trim();
    }

    /** The phone number as a {@code tel:} link takes it: digits and a leading +. */
    public String phoneLink() {
        return "tel:" + phone.replaceAll("[^0-9+]", "");
    }

    public String email() {
        return email.trim();
    }

    /** The opening hours in that language; in French when no English text is configured. */
    public String hours(Locale locale) {
        return "en".equals(locale.getLanguage()) && !hoursInEnglish.isBlank() ? hoursInEnglish.trim() : hours.trim();
    }

    /** The block in plain text, for mails. */
    public String text(Locale locale) {
        return name() + "\n" + String.join("\n", addressLines()) + "\n" + phone() + " — " + email() + "\n" + hours(locale);
    }
}
