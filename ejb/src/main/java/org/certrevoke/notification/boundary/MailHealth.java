package org.certrevoke.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.certrevoke.notification.entity.OutboxMail;
import org.certrevoke.platform.control.DatabaseAvailability;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of the mail path: the SMTP server of WildFly's mail session greets within two seconds, and how
 * many mails wait in the outbox (pending or failed). Confirmed revocations are still recorded while it is
 * down, and their mails leave once it is back; the check says that holders are not being told yet. A
 * database out of reach leaves the count unknown but the mail path's state as it is.
 */
@Stateless
@PermitAll
@Local(HealthCheck.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MailHealth implements HealthCheck {

    private static final int TIMEOUT_MILLIS = 2000;

    @Resource(lookup = "java:jboss/mail/Default")
    Session session;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.smtp.enabled", defaultValue = "true")
    boolean smtpEnabled;

    @Inject
    DatabaseAvailability database;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mail");
        waiting(response);
        if (!smtpEnabled) {
            return response.up().withData("smtp", "disabled: mail stays in the outbox").build();
        }
        String host = session.getProperty("mail.smtp.host");
        int port = Integer.parseInt(session.getProperties().getProperty("mail.smtp.port", "25"));
        response.withData("smtp", host + ":" + port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return greeting != null && greeting.startsWith("220")
                    ? response.up().build()
                    : response.down().withData("error", "the server did not greet").build();
        } catch (IOException | IllegalArgumentException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }

    /** The outbox's count, left out while the database is out of reach: that is the database check's to say. */
    private void waiting(HealthCheckResponseBuilder response) {
        database.readOnTheSide(() -> em.createNamedQuery(OutboxMail.WAITING_COUNT, Long.class).getSingleResult())
                .ifPresentOrElse(count -> response.withData("waiting", count),
                        () -> response.withData("waiting", "unknown: database unavailable"));
    }
}
