package org.certrevoke.audit.control;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.certrevoke.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test, and not part of the suite (its name does not end in IT): appends 200,000 correctly
 * chained records to the server's audit log (straight JDBC, under the head's lock, so the chain stays
 * intact), then times the whole-chain check and prints records per second and how much the old generation
 * of the heap grew during a check (what a check keeping every row would show; young-generation garbage
 * does not count). Run it
 * on purpose, on H2 or with -Ppostgresql: {@code mvn verify -Dit.test=ChainVerifierBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
class ChainVerifierBenchmark {

    private static final int RECORDS = 200_000;
    private static final int RUNS = 5;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ChainVerifierBenchmark.class);
    }

    @Inject
    ChainVerifier verifier;

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Test
    void wholeChainCheck() throws SQLException {
        Instant loading = Instant.now();
        append();
        System.out.printf(Locale.ROOT, "BENCHMARK appended %d chained records in %d s%n", RECORDS,
                Duration.between(loading, Instant.now()).toSeconds());
        List<Long> millis = new ArrayList<>();
        long oldGrowthMiB = 0;
        ChainReport report = null;
        for (int run = 0; run <= RUNS; run++) {
            System.gc();
            long before = oldUsed();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            report = verifier.verify();
            if (run > 0) {
                millis.add((System.nanoTime() - start) / 1_000_000);
                oldGrowthMiB = Math.max(oldGrowthMiB, (oldPeak() - before) >> 20);
            }
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "BENCHMARK chain check: %s; %d records, median %d ms (%.0f records/s),"
                        + " slowest %d ms, old generation grew by at most %d MiB%n", report.intact() ? "intact" : "BROKEN",
                report.records(), millis.get(millis.size() / 2), report.records() * 1000.0 / millis.get(millis.size() / 2),
                millis.get(millis.size() - 1), oldGrowthMiB);
    }

    private void append() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long last;
            String hash;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                 ResultSet row = head.executeQuery()) {
                row.next();
                last = row.getLong(1);
                hash = row.getString(2);
            }
            Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_record (id, recorded_at, event,"
                    + " actor, client_address, certificate_serial, details, previous_hash, hash)"
                    + " VALUES (?, ?, 'HOLDER_SEARCH', ?, '192.0.2.1', NULL, ?, ?, ?)")) {
                for (int i = 1; i <= RECORDS; i++) {
                    long id = last + i;
                    Instant at = start.plusNanos(i * 1000L);
                    String actor = "bench-" + (i % 997);
                    String details = "type=ALL results=" + (i % 3);
                    String next = ChainHash.of(hash, id, at, "HOLDER_SEARCH", actor, "192.0.2.1", null, details);
                    insert.setLong(1, id);
                    insert.setObject(2, at.atOffset(ZoneOffset.UTC));
                    insert.setString(3, actor);
                    insert.setString(4, details);
                    insert.setString(5, hash);
                    insert.setString(6, next);
                    insert.addBatch();
                    hash = next;
                    if (i % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, last + RECORDS);
                head.setString(2, hash);
                head.executeUpdate();
            }
            connection.commit();
        }
    }

    private static long oldUsed() {
        return oldPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static long oldPeak() {
        return oldPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> oldPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")).toList();
    }
}
