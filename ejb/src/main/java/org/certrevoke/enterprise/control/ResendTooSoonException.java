package org.certrevoke.enterprise.control;

import jakarta.ejb.ApplicationException;
import java.time.Instant;

/** A new code was asked for too soon after the last one; the last one stays valid. */
@ApplicationException(rollback = false)
public class ResendTooSoonException extends RuntimeException {

    private final Instant allowedAt;

    public ResendTooSoonException(Instant allowedAt) {
        super("a new code may be sent from " + allowedAt);
        this.allowedAt = allowedAt;
    }

    public Instant allowedAt() {
        return allowedAt;
    }
}
