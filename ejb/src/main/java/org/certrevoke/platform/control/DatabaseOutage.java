package org.certrevoke.platform.control;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a database outage from the other failures: no connection could be had, or the one in use was lost
 * (SQL state class 08, or the pool giving up on a connection). Such a failure is nobody's fault in the
 * request and says nothing a stack trace would add: callers answer "try later" and log one line.
 */
public final class DatabaseOutage {

    private static final int DEEPEST = 30;

    private DatabaseOutage() {
    }

    /** Whether the failure, or one of its causes, is the database being out of reach. */
    public static boolean causedBy(Throwable failure) {
        return connectionFailure(failure) != null;
    }

    /** One line for the log: the failure that shows the outage, without its stack. */
    public static String describe(Throwable failure) {
        Throwable found = connectionFailure(failure);
        Throwable shown = found == null ? failure : found;
        String state = shown instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQL state " + sql.getSQLState() + ")" : "";
        return shown.getClass().getSimpleName() + state + ": " + shown.getMessage();
    }

    /**
     * Logs a failure of background work as a warning: one line when it is an outage (it repeats at each
     * round until the database is back), with its stack otherwise.
     */
    public static void warn(Logger log, String what, Throwable failure) {
        if (causedBy(failure)) {
            log.warning(() -> what + ": database out of reach: " + describe(failure));
        } else {
            log.log(Level.WARNING, what, failure);
        }
    }

    private static Throwable connectionFailure(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST; depth++, cause = next(cause)) {
            if (cause instanceof DatabaseUnavailableException) {
                Throwable inner = connectionFailure(cause.getCause());
                return inner == null ? cause : inner;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ResourceException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return cause;
            }
        }
        return null;
    }

    private static Throwable next(Throwable cause) {
        if (cause.getCause() != null && cause.getCause() != cause) {
            return cause.getCause();
        }
        return cause instanceof SQLException sql ? sql.getNextException() : null;
    }
}
