package org.certrevoke.registry.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.LookupHasher;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stolen database must not give away how to revoke someone else's certificate. Unit tests show that
 * the hashers hash; only a look at every row the running application wrote shows that no path (audit
 * details, mails, a forgotten column) stores a secret in clear. Reads the tables through JDBC, as a
 * thief would, on H2 and on PostgreSQL alike.
 */
@ExtendWith(ArquillianExtension.class)
class SecretsAtRestIT {

    /**
     * The demo answers. "Tanguy", the third answer of Yann Le Bihan, is left out: it is also the last
     * name of the demo holder Erwan Tanguy, so it rightly sits in his name, e-mail, subject DN and DER.
     */
    private static final List<String> DEMO_ANSWERS = List.of("Quimper", "Le Goff", "14h30", "Brest", "08h15");
    private static final List<String> DEMO_ID_NUMBERS = List.of("FR-123456789", "FR123456789", "FR-987654321");
    private static final List<String> DEMO_CODES = List.of("K7Q2-9XPM-4TRD", "K7Q29XPM4TRD");
    private static final List<String> DEMO_ACCESS_KEYS = List.of("48213907561284930172", "90817263544536271809");

    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
    /** Queued mail bodies can carry codes: they are stored sealed with AES-GCM. */
    private static final Pattern SEALED_MAIL = Pattern.compile("aesgcm1:[A-Za-z0-9+/]+=*");
    private static final Pattern HMAC_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(SecretsAtRestIT.class, Fixtures.class);
    }

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Inject
    Fixtures fixtures;

    @Inject
    SecretHasher hasher;

    @Inject
    LookupHasher lookup;

    @Inject
    Outbox outbox;

    @Test
    void databaseHoldsNoSecretInClear() throws SQLException {
        Fixtures.Issued issued = fixtures.validCertificate();
        outbox.enqueue(issued.email(), "code", "Votre code d'annulation : " + issued.cancellationCode());
        Set<String> secrets = new LinkedHashSet<>();
        addWithNormalForm(secrets, DEMO_ANSWERS, AnswerNormaliser::normalise);
        addWithNormalForm(secrets, issued.answers(), AnswerNormaliser::normalise);
        addWithNormalForm(secrets, DEMO_ID_NUMBERS, LookupHasher::normaliseIdDocument);
        addWithNormalForm(secrets, List.of(issued.idDocumentNumber()), LookupHasher::normaliseIdDocument);
        addWithNormalForm(secrets, DEMO_CODES, SecretCodes::normaliseCancellationCode);
        addWithNormalForm(secrets, List.of(issued.cancellationCode()), SecretCodes::normaliseCancellationCode);
        secrets.addAll(DEMO_ACCESS_KEYS);
        secrets.add(issued.accessKey());

        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of("1"), column(connection,
                    "SELECT COUNT(*) FROM organisation WHERE identifier = ?", "ORG-TAILLAN"), "the demo data is there");
            Set<String> tablesRead = new TreeSet<>();
            List<String> inClear = new ArrayList<>();
            for (String[] table : applicationTables(connection)) {
                tablesRead.add(table[1].toLowerCase(Locale.ROOT));
                inClear.addAll(secretsIn(connection, table[0], table[1], secrets));
            }

            assertTrue(tablesRead.containsAll(Set.of("organisation", "legal_representative", "holder",
                    "personal_question", "certificate", "audit_record", "outbox_mail", "throttle")), tablesRead::toString);
            assertEquals(List.of(), inClear);
            assertEveryValueMatches(connection, "SELECT answer_hash FROM personal_question", ARGON2ID);
            assertEveryValueMatches(connection, "SELECT access_key_hash FROM legal_representative", ARGON2ID);
            assertEveryValueMatches(connection,
                    "SELECT cancellation_code_hash FROM certificate WHERE cancellation_code_hash IS NOT NULL", ARGON2ID);
            assertEveryValueMatches(connection, "SELECT id_document_lookup FROM holder", HMAC_SHA256);
            assertEveryValueMatches(connection, "SELECT body FROM outbox_mail", SEALED_MAIL);
            assertHoldsHashesOf(connection, issued);
        }
    }

    /** The fixture's values are hashes of its very secrets, not of anything else. */
    private void assertHoldsHashesOf(Connection connection, Fixtures.Issued issued) throws SQLException {
        List<String> answerHashes = column(connection, "SELECT q.answer_hash FROM personal_question q"
                + " JOIN holder h ON h.id = q.holder_id WHERE h.email = ? ORDER BY q.position", issued.email());
        assertTrue(hasher.matchesAll(issued.answers().stream().map(AnswerNormaliser::normalise).toList(), answerHashes),
                answerHashes::toString);
        assertEquals(List.of(lookup.idDocument(issued.idDocumentNumber())),
                column(connection, "SELECT id_document_lookup FROM holder WHERE email = ?", issued.email()));
        List<String> codeHash = column(connection, "SELECT cancellation_code_hash FROM certificate WHERE serial = ?",
                issued.serial());
        assertTrue(hasher.matches(SecretCodes.normaliseCancellationCode(issued.cancellationCode()), codeHash.get(0)));
        List<String> keyHash = column(connection, "SELECT r.access_key_hash FROM legal_representative r"
                + " JOIN holder h ON h.organisation_id = r.organisation_id WHERE h.email = ?", issued.email());
        assertTrue(hasher.matches(issued.accessKey(), keyHash.get(0)));
    }

    private static void addWithNormalForm(Set<String> secrets, List<String> values, UnaryOperator<String> normalise) {
        for (String value : values) {
            secrets.add(value);
            secrets.add(normalise.apply(value));
        }
    }

    /** Schema and name of every table of the application's schema but Flyway's own. */
    private static List<String[]> applicationTables(Connection connection) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (ResultSet found = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                "%", null)) {
            while (found.next()) {
                String type = found.getString("TABLE_TYPE");
                String name = found.getString("TABLE_NAME");
                if (("TABLE".equals(type) || "BASE TABLE".equals(type)) && !"flyway_schema_history".equalsIgnoreCase(name)) {
                    tables.add(new String[] {found.getString("TABLE_SCHEM"), name});
                }
            }
        }
        return tables;
    }

    /** "table.column: secret" for every secret found in a character (any case) or binary (UTF-8) column. */
    private static List<String> secretsIn(Connection connection, String schema, String table, Set<String> secrets)
            throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String quote = metaData.getIdentifierQuoteString();
        List<String> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM " + quote + schema + quote + "." + quote + table + quote);
             ResultSet rows = select.executeQuery()) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    Predicate<String> holds = holds(rows, i, columns.getColumnType(i));
                    for (String secret : secrets) {
                        if (holds.test(secret)) {
                            found.add(table + "." + columns.getColumnName(i) + ": " + secret);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Whether the value at that column of the current row holds a given secret. */
    private static Predicate<String> holds(ResultSet row, int column, int type) throws SQLException {
        if (TEXT.contains(type)) {
            String value = row.getString(column);
            return secret -> containsIgnoringCase(value, secret);
        }
        if (BINARY.contains(type)) {
            byte[] value = row.getBytes(column);
            return secret -> contains(value, secret.getBytes(StandardCharsets.UTF_8));
        }
        return secret -> false;
    }

    private static boolean containsIgnoringCase(String value, String secret) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT));
    }

    private static boolean contains(byte[] value, byte[] secret) {
        if (value == null) {
            return false;
        }
        for (int start = 0; start + secret.length <= value.length; start++) {
            if (Arrays.equals(value, start, start + secret.length, secret, 0, secret.length)) {
                return true;
            }
        }
        return false;
    }

    private static void assertEveryValueMatches(Connection connection, String sql, Pattern pattern) throws SQLException {
        List<String> values = column(connection, sql);
        assertFalse(values.isEmpty(), sql);
        for (String value : values) {
            assertTrue(pattern.matcher(value).matches(), () -> sql + " gave " + value);
        }
    }

    private static List<String> column(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
