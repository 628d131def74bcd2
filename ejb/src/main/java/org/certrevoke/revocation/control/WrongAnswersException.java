package org.certrevoke.revocation.control;

import jakarta.ejb.ApplicationException;

/** The three answers, taken as one secret, did not match. Never says which one was wrong. */
@ApplicationException(rollback = false)
public class WrongAnswersException extends RuntimeException {

    public WrongAnswersException() {
        super("the answers do not match");
    }
}
