package org.certrevoke.revocation.control;

import jakarta.ejb.ApplicationException;

/**
 * No cancellable certificate matches the e-mail, name and code, or the holder's code attempts are locked.
 * One exception for all of these, so the page cannot tell anyone which of them it was. It does not roll
 * back: the failure counts, its audit record and the lockout mail must commit.
 */
@ApplicationException(rollback = false)
public class WrongCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WrongCodeException() {
        super("no cancellable certificate matches");
    }
}
