package org.certrevoke.security.control;

import java.time.Duration;

/**
 * How many attempts a subject may make in a window, how long it is locked out after that, and what a
 * refused attempt is called ({@code refusal}: a rate limit, or too many failed proofs).
 */
public record ThrottlePolicy(String prefix, int limit, Duration window, Duration lockFor, LockedOutException.Why refusal) {

    public String subject(String key) {
        return prefix + ":" + key;
    }
}
