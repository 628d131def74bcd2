package org.certrevoke.enterprise.control;

import jakarta.ejb.ApplicationException;

/**
 * The e-mailed code was not accepted, with why, so that the page can tell an expired or used code
 * from a mistyped one. Does not roll back: the counted failure must stay.
 */
@ApplicationException(rollback = false)
public class CodeRefusedException extends RuntimeException {

    public enum Why { WRONG, EXHAUSTED, EXPIRED, USED, NONE }

    private final Why why;
    private final int triesLeft;

    public CodeRefusedException(Why why, int triesLeft) {
        super("code refused: " + why);
        this.why = why;
        this.triesLeft = triesLeft;
    }

    public Why why() {
        return why;
    }

    public int triesLeft() {
        return triesLeft;
    }
}
