package org.certrevoke.notification.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.certrevoke.notification.entity.OutboxMail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands one outbox mail to the WildFly mail session. The row is locked while sending, so two servers
 * never send the same mail; a refused mail is rescheduled with a growing delay.
 */
@ApplicationScoped
public class MailSender {

    @Resource(lookup = "java:jboss/mail/Default")
    Session session;

    @Inject
    Clock clock;

    @Inject
    MailSeal seal;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.smtp.enabled", defaultValue = "true")
    boolean smtpEnabled;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.from", defaultValue = "certrevoke@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.retry.first-delay", defaultValue = "PT30S")
    Duration firstDelay;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.retry.longest-delay", defaultValue = "PT1H")
    Duration longestDelay;

    void sendIfDue(EntityManager em, long id) {
        OutboxMail mail = em.find(OutboxMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (mail == null || mail.getStatus() != OutboxMail.Status.PENDING || mail.getNextAttemptAt().isAfter(now)) {
            return;
        }
        try {
            if (smtpEnabled) {
                Transport.send(message(mail));
            }
            mail.delivered(now);
        } catch (MessagingException e) {
            mail.failed(now, e.getMessage(), firstDelay, longestDelay);
        }
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.getRecipient(), true));
        message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
        message.setText(seal.open(mail.getBody()), StandardCharsets.UTF_8.name());
        message.setSentDate(java.util.Date.from(clock.instant()));
        return message;
    }
}
