package org.certrevoke.platform.control;

import jakarta.ejb.ApplicationException;

/**
 * A call that failed because the database is out of reach, as every EJB throws it ({@link DatabaseOutages}):
 * an application exception, so the container rolls back and hands it on as it is, without logging it as a
 * fault of the bean; the caller answers "try later" and logs one line.
 */
@ApplicationException(rollback = true)
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(Throwable cause) {
        super(DatabaseOutage.describe(cause), cause);
    }
}
