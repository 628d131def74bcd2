package org.certrevoke.security.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The attempts {@link Throttles#reserve} took for one proof or search, before it was evaluated: what a success
 * gives back ({@link Throttles#release}), and which locks this very attempt set, so that a lockout is recorded
 * and told once, by the attempt that set it, however many arrive together.
 */
public record Reservation(List<Taken> taken) implements Serializable {

    /** One counter row's attempt; {@code lockSet} is the end of the lock this attempt set on it, if it did. */
    public record Taken(String subject, Instant lockSet) implements Serializable {
    }

    public Optional<Instant> lockSet(ThrottlePolicy policy, String key) {
        String subject = policy.subject(key);
        return taken.stream().filter(taken -> taken.subject().equals(subject) && taken.lockSet() != null)
                .map(Taken::lockSet).findFirst();
    }
}
