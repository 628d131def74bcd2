package org.certrevoke.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void findsALostConnectionDeepInTheCauses() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        EJBException failure = new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                new RuntimeException("wrapped", refused)));

        assertTrue(DatabaseOutage.causedBy(failure));
        assertEquals("SQLException (SQL state 08001): Connection to 127.0.0.1:5432 refused.",
                DatabaseOutage.describe(failure));
    }

    @Test
    void findsThePoolGivingUpOnAConnection() {
        SQLException pool = new SQLException("IJ031019: Unable to get managed connection",
                new ResourceException("IJ000655: No managed connections available within configured blocking timeout"));

        assertTrue(DatabaseOutage.causedBy(new PersistenceException(pool)));
    }

    @Test
    void findsAnOutageAlreadyTranslatedByAnEjb() {
        DatabaseUnavailableException translated = new DatabaseUnavailableException(
                new PersistenceException(new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertTrue(DatabaseOutage.causedBy(new EJBException(translated)));
        assertTrue(translated.getMessage().contains("08006"), translated.getMessage());
    }

    @Test
    void leavesOtherDatabaseFailuresAlone() {
        assertFalse(DatabaseOutage.causedBy(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(DatabaseOutage.causedBy(new PersistenceException(new SQLException("no state"))));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("a bug")));
    }

    @Test
    void stopsOnACauseThatPointsToItself() {
        RuntimeException loop = new RuntimeException() {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };

        assertFalse(DatabaseOutage.causedBy(loop));
    }
}
