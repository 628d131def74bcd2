package org.certrevoke.backoffice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.certrevoke.backoffice.entity.RequestRefusedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured limits of the operators' requests (every key is in the README): the delay within which
 * a request must be handled (ETSI EN 319 411-1 REV-6.2.4-03A: 24 hours), how old a letter may be when it
 * is recorded, and how large its scan may be.
 */
@ApplicationScoped
public class RequestPolicy {

    /** The limits as the pages show them. */
    public record Limits(Duration deadline, Duration oldestReceipt, long largestScan) implements Serializable {
    }

    @Inject
    @ConfigProperty(name = "certrevoke.backoffice.request.deadline", defaultValue = "PT24H")
    Duration deadline;

    @Inject
    @ConfigProperty(name = "certrevoke.backoffice.postal.oldest-receipt", defaultValue = "P90D")
    Duration oldestReceipt;

    @Inject
    @ConfigProperty(name = "certrevoke.backoffice.postal.scan.max-bytes", defaultValue = "10485760")
    long largestScan;

    public Limits limits() {
        return new Limits(deadline, oldestReceipt, largestScan);
    }

    /** A date older than this is a typing mistake (a wrong year), not a letter that waited. */
    public void checkReceipt(Instant receivedAt, Instant now) {
        if (receivedAt != null && receivedAt.isBefore(now.minus(oldestReceipt))) {
            throw new RequestRefusedException(RequestRefusedException.Why.RECEIVED_TOO_LONG_AGO);
        }
    }
}
