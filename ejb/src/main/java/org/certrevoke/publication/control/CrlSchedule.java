package org.certrevoke.publication.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.certrevoke.platform.control.DatabaseOutage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks at every CA's CRL at a short interval on every server; {@link CrlIssuer} decides whether a new
 * one is due. Revocations made between two looks land on one CRL, so bursts do not give bursts of CRLs.
 * The looks run on the CRL executor, a thread pool of its own (WildFly's {@code ee} subsystem,
 * {@code certrevoke-crl}) that nothing else uses: no mail backlog, hung mail server or busy request pool
 * can keep them from their turn. With several servers the CA's row lock in {@link CrlIssuer} keeps each
 * CRL number single.
 */
@PermitAll
@Singleton
@Startup
@DependsOn("DemoData")
public class CrlSchedule {

    private static final Logger LOG = Logger.getLogger(CrlSchedule.class.getName());

    public static final String EXECUTOR = "java:jboss/ee/concurrency/scheduler/certrevoke-crl";

    @Resource(lookup = EXECUTOR)
    ManagedScheduledExecutorService executor;

    @PersistenceContext
    EntityManager em;

    @Inject
    CrlIssuer issuer;

    @Inject
    @ConfigProperty(name = "certrevoke.crl.check-interval", defaultValue = "PT15S")
    Duration interval;

    private ScheduledFuture<?> looks;

    @PostConstruct
    void start() {
        looks = executor.scheduleWithFixedDelay(this::check, 1000, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        looks.cancel(true);
    }

    void check() {
        List<Long> authorities;
        try {
            authorities = em.createQuery("SELECT a.id FROM CertificateAuthority a ORDER BY a.id", Long.class)
                    .getResultList();
        } catch (RuntimeException e) {
            DatabaseOutage.warn(LOG, "CAs not read this time; next look in " + interval, e);
            return;
        }
        for (Long authority : authorities) {
            try {
                issuer.issueIfDue(authority);
            } catch (RuntimeException e) {
                DatabaseOutage.warn(LOG, "CRL of authority " + authority + " not issued this time; next try in " + interval, e);
            }
        }
    }
}
