package org.certrevoke.registry.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Mounts the resources and providers of this package, and only those: listing them keeps out the JSON
 * provider EclipseLink's jar declares (MOXy), which would otherwise be tried, and fail, on every body.
 */
@ApplicationPath("/api/v1")
public class RegistrationApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Organisations.class, Certificates.class, ApiGate.class, ApiAudit.class, Refusals.class,
                Violations.class, AlreadyRevoked.class, NotRevocable.class, Failures.class);
    }
}
