package org.certrevoke.enterprise.control;

import jakarta.ejb.ApplicationException;

/** The address typed in full is not the representative's. Does not roll back the failure's audit record. */
@ApplicationException(rollback = false)
public class EmailMismatchException extends RuntimeException {

    public EmailMismatchException() {
        super("not the representative's e-mail address");
    }
}
