package org.certrevoke.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.LookupHasher;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {

    private static final byte[] KEY = "a lookup key of thirty-two bytes at least".getBytes(StandardCharsets.UTF_8);
    private static final Shape SMALL = new Shape(1_000, 200, 20, 0.05, 0.03, 300, "T", 7, 50);

    @TempDir
    Path out;

    @Test
    void loadsRowsTheApplicationFindsOnH2() throws Exception {
        String url = "jdbc:h2:mem:load" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/h2").load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            loadsRowsTheApplicationFinds(connection);
        }
    }

    /** The same through COPY, when a PostgreSQL is at {@code -Dload.postgresql.url} (schema load_test, emptied). */
    @Test
    void loadsRowsTheApplicationFindsOnPostgreSql() throws Exception {
        String url = System.getProperty("load.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection probe = DriverManager.getConnection(url, "postgres", "")) {
            assumeTrue(probe.isValid(2));
        } catch (SQLException unreachable) {
            assumeTrue(false, "no PostgreSQL at " + url);
        }
        Flyway flyway = Flyway.configure().dataSource(url, "postgres", "").schemas("load_test").cleanDisabled(false)
                .locations("classpath:db/migration", "classpath:db/postgresql").load();
        flyway.clean();
        flyway.migrate();
        try (Connection connection = DriverManager.getConnection(url + "?currentSchema=load_test", "postgres", "")) {
            assertTrue(CopyRows.available(connection));
            loadsRowsTheApplicationFinds(connection);
        } finally {
            flyway.clean();
        }
    }

    private void loadsRowsTheApplicationFinds(Connection connection) throws Exception {
        try (PreparedStatement authority = connection.prepareStatement("INSERT INTO certificate_authority"
                + " (id, alias, subject_dn, certificate_der) VALUES (1, 'test-ca', 'CN=Test CA,C=FR', ?)")) {
            authority.setBytes(1, new byte[] {0x30, 0x00});
            authority.execute();
        }
        LoadedSet set = new DataLoader(connection, KEY).load(SMALL, List.of());

        assertEquals(20, count(connection, "SELECT COUNT(*) FROM organisation"));
        assertEquals(20, count(connection, "SELECT COUNT(*) FROM legal_representative"));
        assertEquals(200, count(connection, "SELECT COUNT(*) FROM holder"));
        assertEquals(600, count(connection, "SELECT COUNT(*) FROM personal_question"));
        assertEquals(1_000, count(connection, "SELECT COUNT(*) FROM certificate"));
        assertEquals(set.revoked(), count(connection, "SELECT COUNT(*) FROM certificate WHERE revoked"));
        assertTrue(set.revoked() >= 25 && set.revoked() <= 80, "about 5 % revoked: " + set.revoked());
        assertTrue(set.expired() >= 10 && set.expired() <= 55, "about 3 % expired: " + set.expired());
        assertEquals(0, count(connection, "SELECT COUNT(*) FROM organisation o WHERE NOT EXISTS"
                + " (SELECT 1 FROM certificate c WHERE c.organisation_id = o.id)"), "every organisation has certificates");
        assertTrue(count(connection, "SELECT MAX(n) FROM (SELECT COUNT(*) n FROM certificate GROUP BY organisation_id) x")
                >= 100, "the largest organisation holds a tenth of the certificates");

        LoadedSet.HolderSample sample = set.holderSamples().get(3);
        String idLookup = new LookupHasher(KEY).idDocument(sample.idDocumentNumber());
        try (PreparedStatement holder = connection.prepareStatement("SELECT c.serial, c.revoked, c.cancellation_code_hash,"
                + " q.answer_hash, c.holder_search_name FROM holder h JOIN certificate c ON c.holder_id = h.id"
                + " JOIN personal_question q ON q.holder_id = h.id AND q.position = 0"
                + " WHERE h.email_lookup = ? AND h.id_document_lookup = ? AND c.serial = ?")) {
            holder.setString(1, Holder.emailLookup(sample.email()));
            holder.setString(2, idLookup);
            holder.setString(3, sample.validSerial());
            try (ResultSet row = holder.executeQuery()) {
                assertTrue(row.next(), "the sample holder and valid certificate are found as the search finds them");
                assertEquals(false, row.getBoolean(2));
                SecretHasher hasher = new SecretHasher();
                assertTrue(hasher.matches(SecretCodes.normaliseCancellationCode(set.cancellationCode()), row.getString(3)));
                assertTrue(hasher.matches(AnswerNormaliser.normalise(set.answers().get(0)), row.getString(4)));
                assertEquals(Holder.searchForm(sample.firstName() + " " + sample.lastName()), row.getString(5));
            }
        }
        long nextId = count(connection, "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                ? "SELECT nextval('entity_seq')" : "SELECT NEXT VALUE FOR entity_seq");
        assertTrue(nextId - 49 > count(connection, "SELECT MAX(id) FROM certificate"),
                "the application's next block of ids starts above the loaded rows");

        SampleCredentials.write(set, out);
        List<String> holders = Files.readAllLines(out.resolve("holders.csv"));
        assertEquals(set.holderSamples().size() + 1, holders.size());
        assertTrue(holders.get(4).startsWith(sample.email() + "," + sample.idDocumentNumber()));
        assertEquals(21, Files.readAllLines(out.resolve("organisations.csv")).size());
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
