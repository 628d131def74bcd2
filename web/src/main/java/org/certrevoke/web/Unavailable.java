package org.certrevoke.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.certrevoke.platform.control.DatabaseAvailability;
import org.certrevoke.platform.control.DatabaseOutage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a request that found the database out of reach answers with: 503 and a Retry-After, and one
 * warning in the log without a stack trace, since a stack per request during an outage would only bury
 * the line that says what happened.
 */
@ApplicationScoped
public class Unavailable {

    private static final Logger LOG = Logger.getLogger(Unavailable.class.getName());

    @Inject
    @ConfigProperty(name = "certrevoke.outage.retry-after", defaultValue = "PT30S")
    Duration retryAfter;

    @Inject
    DatabaseAvailability database;

    /** Logs the one line for a request answered 503 because of this failure. */
    public void noted(Throwable failure, String request) {
        database.unreachable();
        LOG.warning(() -> request + " answered 503, the database is unavailable: " + DatabaseOutage.describe(failure));
    }

    public String retryAfterSeconds() {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
