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

/** Waits for what GreenMail received for one recipient: delivery is asynchronous by design. */
public final class Mails {

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
