package org.certrevoke.publication.control;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.certrevoke.registry.entity.CrlReason;

/**
 * A CA's revoked certificates, read with plain JDBC and handed to the {@link CrlWriter} row by row: a CRL
 * of a million entries never exists as a million entity objects, nor as a list of rows. The statement is
 * forward-only with a fetch size, which PostgreSQL turns into a cursor read in batches, as long as the
 * connection is not in autocommit (inside the issuer's transaction it is not). The entries come in the
 * database's order; a CRL's entries have none.
 */
final class RevokedRows {

    static final int FETCH_SIZE = 10_000;
    // H2 refuses a boolean bind parameter: the literal stays in the text
    private static final String QUERY = "SELECT serial, revoked_at, crl_reason FROM certificate"
            + " WHERE authority_id = ? AND revoked = TRUE";

    private RevokedRows() {
    }

    /** Adds each revoked certificate of the CA to the writer; returns how many. */
    static long writeTo(Connection connection, long authorityId, CrlWriter writer) throws SQLException {
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(QUERY, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, authorityId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    writer.add(new CrlEntry(new BigInteger(rows.getString(1), 16),
                            rows.getObject(2, OffsetDateTime.class).toInstant(),
                            CrlReason.valueOf(rows.getString(3)).code()));
                    count++;
                }
            }
        }
        return count;
    }
}
