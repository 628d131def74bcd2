package org.certrevoke.publication.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long an OCSP answer is valid (its nextUpdate after its thisUpdate) and how long HTTP caches may keep
 * one. RFC 5019 / RFC 9654 clients reject an answer without nextUpdate, and the CA/Browser Forum's
 * Baseline Requirements want between 8 hours and 10 days: a validity outside that range stops the
 * deployment, rather than have every answer refused by the relying parties.
 */
@ApplicationScoped
public class OcspProfile {

    static final Duration SHORTEST_VALIDITY = Duration.ofHours(8);
    static final Duration LONGEST_VALIDITY = Duration.ofDays(10);

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.validity", defaultValue = "PT24H")
    Duration validity;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.http.max-age", defaultValue = "PT1M")
    Duration httpMaxAge;

    public OcspProfile() {
    }

    OcspProfile(Duration validity, Duration httpMaxAge) {
        this.validity = validity;
        this.httpMaxAge = httpMaxAge;
        check();
    }

    @PostConstruct
    void check() {
        if (validity.compareTo(SHORTEST_VALIDITY) < 0 || validity.compareTo(LONGEST_VALIDITY) > 0) {
            throw new IllegalStateException("certrevoke.ocsp.validity must lie between " + SHORTEST_VALIDITY + " and "
                    + LONGEST_VALIDITY + " (RFC 5019, CA/Browser Forum Baseline Requirements 4.9.10), not " + validity);
        }
        if (httpMaxAge.isNegative()) {
            throw new IllegalStateException("certrevoke.ocsp.http.max-age must not be negative, not " + httpMaxAge);
        }
    }

    /** Reads and checks the configuration as the application starts, so that a wrong value stops the deployment. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        validity();
    }

    /** nextUpdate − thisUpdate of every answer. */
    public Duration validity() {
        return validity;
    }

    /** How long a cached answer may be reused before it is signed again: half its validity at most. */
    Duration reuseAtMost() {
        return validity.dividedBy(2);
    }

    /** The longest max-age of an answer over GET, whatever time is left until its nextUpdate. */
    public Duration httpMaxAge() {
        return httpMaxAge;
    }
}
