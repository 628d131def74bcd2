package org.certrevoke.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's clock: a round of delivery every ten seconds on the mail executor, never on the EJB
 * container's shared timer and asynchronous pool (which a hung mail server once filled, CRL timer included).
 * It depends on the schema migration, so its first round cannot come before the tables exist; every
 * server of a cluster runs it, and the claims keep each mail to one sender.
 */
@PermitAll
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class OutboxTimer {

    private static final long PERIOD_SECONDS = 10;

    @Resource(lookup = OutboxDelivery.EXECUTOR)
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxDelivery delivery;

    private ScheduledFuture<?> rounds;

    @PostConstruct
    void start() {
        rounds = executor.scheduleWithFixedDelay(delivery::deliverDue, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.cancel(true);
    }
}
