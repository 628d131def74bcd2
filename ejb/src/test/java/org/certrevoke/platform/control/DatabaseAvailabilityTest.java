package org.certrevoke.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DatabaseAvailabilityTest {

    private final DatabaseAvailability database = new DatabaseAvailability();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsWhileTheDatabaseAnswers() {
        assertEquals(Optional.of(3L), database.readOnTheSide(() -> count(3L)));
        assertEquals(1, reads.get());
    }

    @Test
    void leavesTheReadOutOnceItFoundTheDatabaseAwayAndUntilItIsReachedAgain() {
        assertTrue(database.readOnTheSide(this::lostConnection).isEmpty());

        assertTrue(database.readOnTheSide(() -> count(3L)).isEmpty());
        assertEquals(1, reads.get(), "not asked again while known away");

        database.reached();
        assertEquals(Optional.of(3L), database.readOnTheSide(() -> count(3L)));
    }

    @Test
    void throwsAnyOtherFailure() {
        assertThrows(PersistenceException.class, () -> database.readOnTheSide(() -> {
            throw new PersistenceException(new SQLException("syntax error", "42601"));
        }));
        assertEquals(Optional.of(3L), database.readOnTheSide(() -> count(3L)));
    }

    private Long count(long value) {
        reads.incrementAndGet();
        return value;
    }

    private Long lostConnection() {
        reads.incrementAndGet();
        throw new PersistenceException(new SQLException("Connection refused", "08001"));
    }
}
