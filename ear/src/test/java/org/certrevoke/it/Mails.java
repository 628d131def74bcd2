package org.certrevoke.it;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Waits for what GreenMail received for one recipient: delivery is asynchronous by design. */
public final class Mails {

    private static final Pattern CANCELLATION_CODE = Pattern.compile("\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b");

    private Mails() {
    }

    public record Received(String subject, String body) {
    }

    public static List<Received> waitFor(GreenMailExtension greenMail, String recipient, Predicate<Received> wanted,
                                         Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            List<Received> found = received(greenMail, recipient).stream().filter(wanted).toList();
            if (!found.isEmpty()) {
                return found;
            }
            sleep();
        }
        return List.of();
    }

    public static List<Received> received(GreenMailExtension greenMail, String recipient) {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        return Arrays.stream(messages).filter(message -> addressedTo(message, recipient))
                .map(message -> {
                    try {
                        return new Received(message.getSubject(), GreenMailUtil.getBody(message));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    /** The cancellation code in the one mail that announced that certificate to that recipient. */
    public static String cancellationCode(GreenMailExtension greenMail, String recipient, String serial) {
        List<Received> mails = waitFor(greenMail, recipient, mail -> mail.subject().contains(serial), Duration.ofSeconds(30));
        if (mails.size() != 1) {
            throw new AssertionError(mails.size() + " mails about " + serial + " to " + recipient);
        }
        Matcher code = CANCELLATION_CODE.matcher(mails.get(0).body());
        if (!code.find()) {
            throw new AssertionError("no cancellation code in " + mails.get(0).body());
        }
        return code.group();
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
