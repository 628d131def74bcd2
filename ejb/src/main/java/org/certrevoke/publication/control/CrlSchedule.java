package org.certrevoke.publication.control;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks at every CA's CRL at a short interval on every server; {@link CrlIssuer} decides whether a new
 * one is due. Revocations made between two looks land on one CRL, so bursts do not give bursts of CRLs.
 */
@PermitAll
@Singleton
@Startup
@DependsOn("DemoData")
public class CrlSchedule {

    private static final Logger LOG = Logger.getLogger(CrlSchedule.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext
    EntityManager em;

    @Inject
    CrlIssuer issuer;

    @Inject
    @ConfigProperty(name = "certrevoke.crl.check-interval", defaultValue = "PT15S")
    Duration interval;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(1000, interval.toMillis(), new TimerConfig("crl-check", false));
    }

    @Timeout
    void check() {
        List<Long> authorities = em.createQuery("SELECT a.id FROM CertificateAuthority a ORDER BY a.id", Long.class)
                .getResultList();
        for (Long authority : authorities) {
            try {
                issuer.issueIfDue(authority);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "CRL of authority " + authority + " not issued this time; next try in " + interval, e);
            }
        }
    }
}
