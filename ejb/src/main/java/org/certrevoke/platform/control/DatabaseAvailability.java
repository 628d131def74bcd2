package org.certrevoke.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the server last saw of its database, for the checks that only read it on the side: while it was
 * found out of reach in the last few seconds, and not reached since, they leave out what they would have
 * read instead of waiting for a connection in turn, so that the health endpoint answers within its budget
 * and says the database is down only once, in the database check.
 */
@ApplicationScoped
public class DatabaseAvailability {

    private static final long REMEMBERED_NANOS = 10_000_000_000L;

    private volatile long unavailableAt;
    private volatile boolean unavailable;

    public void unreachable() {
        unavailableAt = System.nanoTime();
        unavailable = true;
    }

    public void reached() {
        unavailable = false;
    }

    /** Found out of reach within the last ten seconds, and not reached since. */
    public boolean recentlyUnreachable() {
        return unavailable && System.nanoTime() - unavailableAt < REMEMBERED_NANOS;
    }

    /**
     * What the read returns; empty, without trying, while the database was recently found out of reach,
     * and empty when the read finds it so. Any other failure is thrown.
     */
    public <T> Optional<T> readOnTheSide(Supplier<T> read) {
        if (recentlyUnreachable()) {
            return Optional.empty();
        }
        try {
            return Optional.of(read.get());
        } catch (PersistenceException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            unreachable();
            return Optional.empty();
        }
    }
}
