package org.certrevoke.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;

/** Rows sent as batched {@code INSERT}s of a thousand. */
final class BatchedRows implements Rows {

    private static final int BATCH = 1_000;

    private final PreparedStatement insert;
    private int pending;

    BatchedRows(Connection connection, String table, String... columns) throws SQLException {
        insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                + ") VALUES (" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")");
    }

    @Override
    public void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : values[i];
            insert.setObject(i + 1, value);
        }
        insert.addBatch();
        if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try (insert) {
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
