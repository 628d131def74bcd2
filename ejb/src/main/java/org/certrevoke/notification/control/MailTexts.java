package org.certrevoke.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.certrevoke.platform.control.SupportContact;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mail subjects and bodies from the {@code mails} bundles. We do not know which language a holder
 * reads, so every mail carries the French text first and the English one after it; every mail ends with how
 * to reach the support ({@link SupportContact}).
 */
@ApplicationScoped
public class MailTexts {

    static final Locale FRENCH = Locale.FRENCH;
    static final Locale ENGLISH = Locale.ENGLISH;

    @Inject
    @ConfigProperty(name = "certrevoke.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    @Inject
    SupportContact support;

    public Mail compose(String template, Object... arguments) {
        String subject = text(FRENCH, template + ".subject", arguments) + " / " + text(ENGLISH, template + ".subject", arguments);
        String body = text(FRENCH, template + ".body", arguments)
                + "\n\n----------------------------------------\n\n"
                + text(ENGLISH, template + ".body", arguments)
                + "\n\n--\n" + text(FRENCH, "signature", arguments) + " / " + text(ENGLISH, "signature", arguments)
                + "\n" + support().text(FRENCH);
        String hoursInEnglish = support().hours(ENGLISH);
        if (!hoursInEnglish.equals(support().hours(FRENCH))) {
            body += "\n" + hoursInEnglish;
        }
        return new Mail(subject, body);
    }

    protected SupportContact support() {
        return support;
    }

    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss z").withZone(ZoneId.of(timeZone)).format(instant);
    }

    /** An argument that is itself a text of the bundle, so each language part gets its own wording. */
    public static Localised localised(String key) {
        return new Localised(key);
    }

    /** See {@link #localised(String)}. */
    public record Localised(String key) {
    }

    private static String text(Locale locale, String key, Object... arguments) {
        Object[] resolved = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            resolved[i] = arguments[i] instanceof Localised text ? bundle(locale).getString(text.key()) : arguments[i];
        }
        return new MessageFormat(bundle(locale).getString(key), locale).format(resolved);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.certrevoke.notification.control.mails", locale,
                MailTexts.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A composed mail, ready for the outbox. */
    public record Mail(String subject, String body) {
    }
}
