package org.certrevoke.notification.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.certrevoke.platform.control.DatabaseOutage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers due mail on the mail executor, a thread pool of its own (WildFly's {@code ee} subsystem,
 * {@code certrevoke-mail}): right after a transaction that queued mail commits, and every few seconds
 * ({@link OutboxTimer}) for whatever failed before or was left behind by a crash. Whatever the mail server
 * does, it can only hold that pool's threads: request handling and CRL issuance have pools of their own.
 * A round claims a batch of due mails, sends it over one SMTP connection, and goes on until nothing is due
 * or the server cannot be reached. Wake-ups that come while one is queued are one wake-up.
 */
@ApplicationScoped
public class OutboxDelivery {

    public static final String EXECUTOR = "java:jboss/ee/concurrency/scheduler/certrevoke-mail";

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxClaims claims;

    @Inject
    MailSender sender;

    @Inject
    @ConfigProperty(name = "certrevoke.mail.batch", defaultValue = "20")
    int batchSize;

    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();

    /** Starts a round on the mail executor unless one is already queued; never blocks the caller. */
    public void deliverSoon() {
        if (wakeUpQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    wakeUpQueued.set(false);
                    deliverDue();
                });
            } catch (RejectedExecutionException e) {
                wakeUpQueued.set(false);
                LOG.log(Level.FINE, "mail executor stopping; the next scheduled round delivers", e);
            }
        }
    }

    /** One round, on the calling thread: batches until nothing is due or the mail server is out of reach. */
    public void deliverDue() {
        try {
            List<ClaimedMail> batch = claims.claim(batchSize);
            while (!batch.isEmpty() && !Thread.currentThread().isInterrupted() && sender.send(batch)) {
                batch = claims.claim(batchSize);
            }
        } catch (RuntimeException e) {
            DatabaseOutage.warn(LOG, "outbox delivery stopped this round; the next one goes on", e);
        }
    }
}
