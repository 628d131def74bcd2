package org.certrevoke.load;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows of one table on their way into the database, whichever way is fastest there: PostgreSQL's
 * {@code COPY} when its driver is at hand, batched inserts otherwise (H2, or inside a server whose
 * deployment does not see the driver's classes).
 */
interface Rows extends AutoCloseable {

    void add(Object... values) throws SQLException;

    /** Sends what is still buffered. */
    @Override
    void close() throws SQLException;

    static Rows into(Connection connection, String table, String... columns) throws SQLException {
        if (CopyRows.available(connection)) {
            return new CopyRows(connection, table, columns);
        }
        return new BatchedRows(connection, table, columns);
    }
}
