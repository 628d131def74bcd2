package org.certrevoke.registry.control;

import java.sql.SQLException;

/**
 * Tells a write that lost a race on a unique key from any other database failure: the loser of two
 * simultaneous registrations of the same thing is answered as a duplicate, not as a fault.
 */
public final class UniqueKeys {

    /** SQL:2011 class 23, unique violation; PostgreSQL and H2 both report it. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKeys() {
    }

    public static boolean violated(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
