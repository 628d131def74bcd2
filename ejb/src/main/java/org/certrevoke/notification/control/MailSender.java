package org.certrevoke.notification.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands a batch of claimed mails to the mail server over one SMTP connection, at a steady rate, and reports
 * each outcome as soon as it is known. Every socket operation has a timeout (the mail session's own
 * {@code mail.smtp.connectiontimeout}, {@code timeout} and {@code writetimeout} when it sets them,
 * {@code certrevoke.mail.smtp.timeout} otherwise), so a server that accepts and never answers costs a
 * sender that long, and the mails it was given are counted as failed with the reason.
 * After the server was unreachable, its first accepted mail makes every waiting mail due at once, so that
 * the back-off of a long outage does not hold them for another hour.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Resource(lookup = "java:jboss/mail/Default")
    Session session;

    @Inject
    Clock clock;

    @Inject
    MailSeal seal;

    @Inject
    OutboxClaims claims;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.smtp.enabled", defaultValue = "true")
    boolean smtpEnabled;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.from", defaultValue = "certrevoke@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.smtp.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.rate", defaultValue = "20")
    double ratePerSecond;

    /** Unknown at start: a server restarted after an outage has mails waiting with long delays. */
    private final AtomicBoolean serverWasDown = new AtomicBoolean(true);

    private long nextSendNanos = System.nanoTime();

    /**
     * Sends the batch; answers {@code false} when the server could not be reached or the connection broke,
     * so that the caller stops for this round (the mails not tried are released, due at once).
     */
    public boolean send(List<ClaimedMail> batch) {
        if (!smtpEnabled) {
            batch.forEach(claims::sent);
            return true;
        }
        Transport transport;
        try {
            transport = sessionWithTimeouts().getTransport("smtp");
            transport.connect();
        } catch (MessagingException e) {
            serverWasDown.set(true);
            batch.forEach(mail -> claims.failed(mail, describe(e)));
            return false;
        }
        try {
            for (int i = 0; i < batch.size(); i++) {
                ClaimedMail mail = batch.get(i);
                if (!transport.isConnected() || clock.instant().plus(timeout.multipliedBy(3)).isAfter(mail.leaseUntil())) {
                    batch.subList(i, batch.size()).forEach(claims::released);
                    return transport.isConnected();
                }
                pace();
                sendOne(transport, mail);
            }
            return true;
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "closing the SMTP connection", e);
            }
        }
    }

    private void sendOne(Transport transport, ClaimedMail mail) {
        MimeMessage message;
        try {
            message = message(mail);
        } catch (MessagingException | IllegalStateException e) {
            claims.failed(mail, describe(e));
            return;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            claims.failed(mail, describe(e));
            return;
        } catch (MessagingException e) {
            serverWasDown.set(true);
            claims.failed(mail, describe(e));
            return;
        }
        claims.sent(mail);
        if (serverWasDown.compareAndSet(true, false)) {
            int heldBack = claims.allDueNow();
            if (heldBack > 0) {
                LOG.info(() -> "the mail server takes mail again: " + heldBack + " waiting mails are due now");
            }
        }
    }

    /** Keeps to {@code certrevoke.mail.rate} mails a second, however many are due. */
    private void pace() {
        long wait = nextSlot() - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized long nextSlot() {
        long slot = Math.max(nextSendNanos, System.nanoTime());
        nextSendNanos = slot + (long) (1e9 / ratePerSecond);
        return slot;
    }

    /** The container's session with socket timeouts wherever it sets none; its credentials are asked of it. */
    private Session sessionWithTimeouts() {
        Properties properties = new Properties();
        properties.putAll(session.getProperties());
        String millis = Long.toString(timeout.toMillis());
        properties.putIfAbsent("mail.smtp.connectiontimeout", millis);
        properties.putIfAbsent("mail.smtp.timeout", millis);
        properties.putIfAbsent("mail.smtp.writetimeout", millis);
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return session.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
    }

    private MimeMessage message(ClaimedMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(seal.open(mail.sealedBody()), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        return message;
    }

    /** The error and its causes, e.g. "Exception reading response; Read timed out", for the auditor's page. */
    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("; ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
