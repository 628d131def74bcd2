package org.certrevoke.security.control;

import jakarta.ejb.ApplicationException;
import java.time.Instant;

/** Too many attempts: the flow is refused until {@link #until()}. Nothing was changed. */
@ApplicationException(rollback = false)
public class LockedOutException extends RuntimeException {

    public enum Why {
        RATE_LIMIT,
        PROOF_FAILURES
    }

    private final Why why;
    private final Instant until;

    public LockedOutException(Why why, Instant until) {
        super("locked out (" + why + ") until " + until);
        this.why = why;
        this.until = until;
    }

    public Why why() {
        return why;
    }

    public Instant until() {
        return until;
    }
}
