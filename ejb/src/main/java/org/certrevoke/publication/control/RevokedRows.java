package org.certrevoke.publication.control;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.certrevoke.registry.entity.CrlReason;

/**
 * A CA's revoked certificates, read with plain JDBC and handed to the {@link CrlWriter} row by row: a CRL
 * of a million entries never exists as a million entity objects, nor as a list of rows. The statement is
 * forward-only with a fetch size, which PostgreSQL turns into a cursor read in batches, as long as the
 * connection is not in autocommit (inside the issuer's transaction it is not). The entries come in the
 * database's order; a CRL's entries have none.
 * <p>
 * A row that cannot be an entry (whatever put it there) is handed to the caller as a {@link SkippedRow}
 * and the reading goes on: one bad row must not keep every other revocation of the CA unpublished.
 * A negative or zero serial is no such row: it is the certificate's own, and is listed as it is.
 */
final class RevokedRows {

    static final int FETCH_SIZE = 10_000;
    // H2 refuses a boolean bind parameter: the literal stays in the text
    // PostgreSQL: whole seconds as a number, cheaper than parsing a million timestamps in the driver
    private static final String QUERY = "SELECT serial, CAST(FLOOR(EXTRACT(EPOCH FROM revoked_at)) AS BIGINT),"
            + " crl_reason, id, CAST(FLOOR(EXTRACT(EPOCH FROM invalidity_date)) AS BIGINT)"
            + " FROM certificate WHERE authority_id = ? AND revoked = TRUE";
    // H2: the other way round, its EXTRACT computes in decimals, and its timestamps come unparsed
    private static final String QUERY_H2 = "SELECT serial, revoked_at, crl_reason, id, invalidity_date FROM certificate"
            + " WHERE authority_id = ? AND revoked = TRUE";

    private RevokedRows() {
    }

    /** Adds each revoked certificate of the CA to the writer, or to the skipped ones; returns how many rows were read. */
    static long writeTo(Connection connection, long authorityId, CrlWriter writer, Consumer<SkippedRow> skipped)
            throws SQLException {
        long count = 0;
        boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        try (PreparedStatement statement = connection.prepareStatement(h2 ? QUERY_H2 : QUERY,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, authorityId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String serial = rows.getString(1);
                    try {
                        long revokedAt = h2 ? rows.getObject(2, OffsetDateTime.class).toEpochSecond() : rows.getLong(2);
                        if (rows.wasNull()) {
                            throw new IllegalArgumentException("no revocation time");
                        }
                        writer.add(serial(serial), revokedAt, CrlReason.valueOf(rows.getString(3)).code(),
                                invalidityDate(rows, h2));
                    } catch (RuntimeException unusable) {
                        skipped.accept(new SkippedRow(rows.getLong(4), serial, problem(unusable)));
                    }
                    count++;
                }
            }
        }
        return count;
    }

    /** The invalidity date's whole seconds since the epoch, or {@link CrlWriter#NO_INVALIDITY_DATE}. */
    private static long invalidityDate(ResultSet rows, boolean h2) throws SQLException {
        if (h2) {
            OffsetDateTime date = rows.getObject(5, OffsetDateTime.class);
            return date == null ? CrlWriter.NO_INVALIDITY_DATE : date.toEpochSecond();
        }
        long date = rows.getLong(5);
        return rows.wasNull() ? CrlWriter.NO_INVALIDITY_DATE : date;
    }

    private static String problem(RuntimeException unusable) {
        String problem = unusable instanceof NullPointerException ? "a required value is missing"
                : unusable.getClass().getSimpleName() + ": " + unusable.getMessage();
        return CrlIssuer.printable(problem);
    }

    /**
     * A serial as stored (hexadecimal, a minus sign when negative, as {@link BigInteger#toString(int)}) in
     * two's complement, as {@link BigInteger#toByteArray()}.
     */
    static byte[] serial(String hex) {
        if (hex.startsWith("-")) {
            return new BigInteger(hex, 16).toByteArray();
        }
        int start = 0;
        while (start < hex.length() - 1 && hex.charAt(start) == '0') {
            start++;
        }
        int digits = hex.length() - start;
        if (digits == 0 || digits > 256) {
            return new BigInteger(hex, 16).toByteArray();
        }
        int first = digit(hex.charAt(start));
        boolean odd = digits % 2 == 1;
        // a leading byte 0x80 or above would read as negative: a zero byte goes first
        boolean pad = !odd && first >= 8;
        byte[] bytes = new byte[(digits + 1) / 2 + (pad ? 1 : 0)];
        int at = pad ? 1 : 0;
        int i = start;
        if (odd) {
            bytes[at++] = (byte) first;
            i++;
        }
        for (; i < hex.length(); i += 2) {
            bytes[at++] = (byte) (digit(hex.charAt(i)) << 4 | digit(hex.charAt(i + 1)));
        }
        return bytes;
    }

    private static int digit(char c) {
        int digit = Character.digit(c, 16);
        if (digit < 0) {
            throw new NumberFormatException("Not a hexadecimal serial digit: " + c);
        }
        return digit;
    }
}
