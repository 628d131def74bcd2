package org.certrevoke.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * What the registration-authority API may change, read for tests that prove a refused call changed
 * nothing: {@code GET} answers one line per table, its row count and a digest of the columns an API call
 * could change (organisations, representatives and their access keys, holders and their questions,
 * certificates and their revocations, queued mails) and the audit records of registrations and
 * revocations; not the {@code API_CALL} record every call leaves, refused or not. {@code ?holders=<e-mail>} answers instead
 * how many holder rows carry that address. Only a test that adds it to its own deployment has it.
 */
@WebServlet("/it/registry-rows")
public class RegistryRows extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String[][] TABLES = {
            {"organisation", "SELECT id, identifier, name FROM organisation ORDER BY id"},
            {"legal_representative", "SELECT id, email, access_key_hash FROM legal_representative ORDER BY id"},
            {"holder", "SELECT id, email_lookup, id_document_lookup FROM holder ORDER BY id"},
            {"personal_question", "SELECT holder_id, position, question FROM personal_question ORDER BY holder_id, position"},
            {"certificate", "SELECT id, serial, revoked, revoked_at, revocation_reason, crl_reason, invalidity_date"
                    + " FROM certificate ORDER BY id"},
            {"outbox_mail", "SELECT id, recipient FROM outbox_mail ORDER BY id"},
            {"audit_registry", "SELECT id FROM audit_record WHERE event IN ('ORGANISATION_REGISTERED',"
                    + " 'ACCESS_KEY_REGENERATED', 'CERTIFICATE_REGISTERED', 'REVOCATION') ORDER BY id"},
    };

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder answer = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            String holders = request.getParameter("holders");
            if (holders != null) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM holder WHERE email_lookup = ?")) {
                    select.setString(1, holders.strip().toLowerCase(java.util.Locale.ROOT));
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        answer.append(row.getLong(1));
                    }
                }
            } else {
                for (String[] table : TABLES) {
                    answer.append(table[0]).append(' ').append(digest(connection, table[1])).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer.toString());
    }

    private static String digest(Connection connection, String query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query); ResultSet rows = select.executeQuery()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int columns = rows.getMetaData().getColumnCount();
            long count = 0;
            while (rows.next()) {
                count++;
                for (int column = 1; column <= columns; column++) {
                    digest.update(String.valueOf(rows.getObject(column)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            return count + " " + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
