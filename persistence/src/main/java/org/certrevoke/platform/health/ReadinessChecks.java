package org.certrevoke.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Hands WildFly's MicroProfile Health the application's readiness checks. WildFly collects health checks
 * only from an EAR's top-level bean archives, its {@code lib/} jars, and not from its EJB or web modules
 * (WFLY-12835); the checks are EJBs of the EJB module ({@code HealthCheck} local views), reached here
 * through their portable JNDI names each time they are asked.
 */
@ApplicationScoped
public class ReadinessChecks {

    private static final String MODULE = "java:global/certrevoke/ejb/";

    @Produces
    @Readiness
    HealthCheck database() {
        return check("database", "DatabaseHealth");
    }

    @Produces
    @Readiness
    HealthCheck mail() {
        return check("mail", "MailHealth");
    }

    @Produces
    @Readiness
    HealthCheck signingKeys() {
        return check("signing-keys", "SigningKeysHealth");
    }

    @Produces
    @Readiness
    HealthCheck publication() {
        return check("publication", "PublicationHealth");
    }

    private static HealthCheck check(String name, String bean) {
        return () -> {
            try {
                HealthCheck check = InitialContext.doLookup(MODULE + bean + "!" + HealthCheck.class.getName());
                return check.call();
            } catch (NamingException | RuntimeException e) {
                return HealthCheckResponse.named(name).down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
