package org.certrevoke.publication.control;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.certrevoke.demo.control.DemoPki;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Figures, not assertions: from the database to the signed bytes of a CRL of a million revoked
 * certificates, the way {@link CrlIssuer} does it ({@link RevokedRows} into {@link CrlWriter}), on an H2
 * file and on PostgreSQL, with the peak heap of each run, next to the writer fed from memory. The rows
 * are inserted in bulk by the databases themselves (INSERT … SELECT over generated ranges) into the
 * application's schema, created by its migrations. PostgreSQL is skipped when it cannot be reached.
 * <p>
 * Run with {@code mvn -B -ntp test -pl persistence,ejb -Pbench -Dtest=CrlDatabaseBench}; PostgreSQL from
 * {@code -Dbench.postgresql.url} (default {@code jdbc:postgresql://127.0.0.1:5432/ocsp}), in a schema
 * {@code crl_bench} that the bench creates and drops; {@code -Dbench.h2=false} leaves H2 out.
 */
class CrlDatabaseBench {

    private static final int ROWS = 1_000_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    // one statement of a million rows makes H2's file grow by gigabytes; chunks keep it small
    private static final int INSERT_CHUNK = 50_000;
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final DemoPki CA = DemoPki.createCa("CN=Bench CA,O=certrevoke,C=FR", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(3650)));
    private static final CaKeys KEYS = new CaKeys("bench-ca", 1, CA.certificate(), CA.privateKey(), Duration.ofDays(30));
    private static final String REASON = "CASE MOD(%1$s, 4) WHEN 0 THEN 'UNSPECIFIED' WHEN 1 THEN 'KEY_COMPROMISE'"
            + " WHEN 2 THEN 'AFFILIATION_CHANGED' ELSE 'SUPERSEDED' END";

    @Test
    void printsDatabaseToSignedCrlFigures() throws Exception {
        CrlEntry[] inMemory = CrlWriterBench.entries(ROWS);
        CrlWriterBench.writer(inMemory);
        CrlWriterBench.resetPeaks();
        long start = System.nanoTime();
        byte[] crl = CrlWriterBench.writer(inMemory);
        System.out.printf("%,d entries from memory (CrlWriterBench): %d ms, peak heap %d MiB, %,d bytes%n", ROWS,
                (System.nanoTime() - start) / 1_000_000, CrlWriterBench.peakHeapMib(), crl.length);
        inMemory = null;

        if (Boolean.parseBoolean(System.getProperty("bench.h2", "true"))) {
            Path h2 = Path.of("target", "crl-bench");
            deleteRecursively(h2);
            String h2Url = "jdbc:h2:file:" + h2.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
            run("H2 " + org.h2.engine.Constants.VERSION + " (file)", h2Url, "sa", "sa", null,
                    "INSERT INTO certificate SELECT X + 1000, 1, 1, 'SIGNATURE',"
                            + " '4' || LOWER(SUBSTRING(RAWTOHEX(HASH('SHA-256', CAST(X AS VARCHAR))), 2, 31)),"
                            + " 'CN=Bench CA', 'CN=x', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, X'00', NULL, TRUE,"
                            + " DATEADD(SECOND, -CAST(RAND() * 100000000 AS INT), CURRENT_TIMESTAMP), 'OTHER', "
                            + REASON.formatted("X") + ", NULL, NULL, 1, NULL, 1, 'b b', 'b@example.org' FROM SYSTEM_RANGE(%d, %d)");
            deleteRecursively(h2);
        }

        String postgresql = System.getProperty("bench.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection probe = DriverManager.getConnection(postgresql, "postgres", "postgres")) {
            String version = probe.getMetaData().getDatabaseProductVersion();
            run("PostgreSQL " + version, postgresql + (postgresql.contains("?") ? "&" : "?") + "currentSchema=crl_bench",
                    "postgres", "postgres", "crl_bench",
                    "INSERT INTO certificate SELECT i + 1000, 1, 1, 'SIGNATURE',"
                            + " substr('4567', mod(i, 4) + 1, 1) || substr(md5(i::text), 2),"
                            + " 'CN=Bench CA', 'CN=x', '', now(), now(), '\\x00'::bytea, NULL, TRUE,"
                            + " date_trunc('second', now() - random() * interval '100000000 seconds'), 'OTHER', "
                            + REASON.formatted("i") + ", NULL, NULL, 1, NULL, 1, 'b b', 'b@example.org' FROM generate_series(%d, %d) i");
        } catch (SQLException unreachable) {
            System.out.println("PostgreSQL at " + postgresql + " not reachable, skipped: " + unreachable.getMessage());
        }
    }

    private static void run(String database, String url, String user, String password, String schema, String bulkInsert)
            throws Exception {
        Flyway flyway = Flyway.configure().dataSource(url, user, password).cleanDisabled(false)
                .schemas(schema == null ? new String[0] : new String[] {schema}).load();
        flyway.clean();
        flyway.migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            long start = System.nanoTime();
            insert(connection, bulkInsert);
            System.out.printf("%s: %,d revoked certificates inserted in %.1f s%n", database, ROWS,
                    (System.nanoTime() - start) / 1e9);
            connection.setAutoCommit(false);
            for (int run = 1; run <= (schema == null ? 4 : 3); run++) {
                if (run == 4) {
                    // H2 keeps a query's whole result unless told to compute it as it is read
                    try (Statement lazy = connection.createStatement()) {
                        lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                    }
                    database += ", LAZY_QUERY_EXECUTION";
                }
                CrlWriterBench.resetPeaks();
                start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                CrlWriter writer = new CrlWriter(KEYS.certificate(), KEYS.authorityKeyIdentifier());
                RevokedRows.writeTo(connection, 1, writer, skipped -> {
                    throw new AssertionError(skipped.toString());
                });
                byte[] crl = writer.sign(KEYS.caSigner(), run, NOW, NOW.plus(Duration.ofHours(24)));
                long millis = (System.nanoTime() - start) / 1_000_000;
                long cpuMillis = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
                connection.commit();
                System.out.printf("%s, run %d: database to signed CRL, %,d entries: %d ms (%d ms CPU in this thread),"
                        + " peak heap %d MiB, %,d bytes, load average %s%n", database, run, writer.count(), millis,
                        cpuMillis, CrlWriterBench.peakHeapMib(), crl.length,
                        Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim());
            }
            connection.setAutoCommit(true);
        } finally {
            flyway.clean();
        }
    }

    private static void insert(Connection connection, String bulkInsert) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO organisation (id, identifier, name) VALUES (1, 'bench', 'Bench')");
            statement.execute("INSERT INTO holder (id, organisation_id, first_name, last_name, email, email_lookup,"
                    + " id_document_lookup, search_name, search_email) VALUES (1, 1, 'B', 'B', 'b@example.org', 'b', 'b', 'b b',"
                    + " 'b@example.org')");
        }
        try (PreparedStatement ca = connection.prepareStatement(
                "INSERT INTO certificate_authority (id, alias, subject_dn, certificate_der) VALUES (1, 'bench-ca', ?, ?)")) {
            ca.setString(1, KEYS.certificate().getSubject().toString());
            ca.setBytes(2, KEYS.certificate().getEncoded());
            ca.executeUpdate();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        try (Statement statement = connection.createStatement()) {
            // the two indexes on the random serials are built once after the load, not row by row
            statement.execute("ALTER TABLE certificate DROP CONSTRAINT certificate_serial_per_authority");
            statement.execute("DROP INDEX certificate_serial");
            for (int first = 1; first <= ROWS; first += INSERT_CHUNK) {
                statement.execute(bulkInsert.formatted(first, Math.min(ROWS, first + INSERT_CHUNK - 1)));
            }
            statement.execute("CREATE INDEX certificate_serial ON certificate (serial)");
            statement.execute("ALTER TABLE certificate ADD CONSTRAINT certificate_serial_per_authority"
                    + " UNIQUE (authority_id, serial)");
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
