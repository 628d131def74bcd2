package org.certrevoke.enterprise.boundary;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.certrevoke.enterprise.control.CertificateFilter;
import org.certrevoke.enterprise.control.SortField;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.load.DataLoader;
import org.certrevoke.load.Shape;
import org.certrevoke.registry.entity.CertificateState;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test, and not part of the suite (its name does not end in IT): loads 100,000 certificates
 * into one fresh organisation, then times what the search page asks of the server for partial e-mail
 * and name searches and for none, sorted by e-mail (and once by end of validity, descending): a new search (the count, audited, then the first
 * page) and another page of it (the page alone), and prints median and p95 of each. Run it on purpose, on H2 or with -Ppostgresql:
 * {@code mvn verify -Dit.test=EnterpriseSearchBenchmark}. The rows come from the data loader (module
 * {@code load}), which analyses the tables after loading.
 */
@ExtendWith(ArquillianExtension.class)
class EnterpriseSearchBenchmark {

    private static final int CERTIFICATES = 100_000;
    private static final int RUNS = 50;
    private static final int WARM_UP = 10;
    private static final int PAGE = 20;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withDataLoader(Deployments.earWith(EnterpriseSearchBenchmark.class, Fixtures.class));
    }

    @Inject
    EnterpriseCertificates certificates;

    @Inject
    @ConfigProperty(name = "certrevoke.secrets.lookup-key")
    String lookupKey;

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Test
    void searchServerTimeWithOneHundredThousandCertificates() throws SQLException {
        Instant loading = Instant.now();
        long representative = load();
        System.out.printf(Locale.ROOT, "BENCHMARK loaded %d certificates in %d s%n", CERTIFICATES,
                Duration.between(loading, Instant.now()).toSeconds());
        measure(representative, "partial e-mail 'nolwenn.le'", new CertificateFilter("nolwenn.le", null, null));
        measure(representative, "partial name 'kerherve'", new CertificateFilter(null, "kerherve", null));
        measure(representative, "partial name 'loic le' + Valide", new CertificateFilter(null, "loic le", CertificateState.VALID));
        measure(representative, "no filter, sorted by e-mail", new CertificateFilter(null, null, null));
        measure(representative, "no filter, by end of validity descending", new CertificateFilter(null, null, null),
                SortField.NOT_AFTER, false);
    }

    private void measure(long representative, String what, CertificateFilter filter) {
        measure(representative, what, filter, SortField.EMAIL, true);
    }

    private void measure(long representative, String what, CertificateFilter filter, SortField sort,
                         boolean ascending) {
        List<Long> searches = new ArrayList<>();
        List<Long> pages = new ArrayList<>();
        long total = 0;
        for (int run = 0; run < WARM_UP + RUNS; run++) {
            long start = System.nanoTime();
            total = certificates.count(representative, filter, Fixtures.freshClientAddress());
            certificates.page(representative, filter, 0, PAGE, sort, ascending);
            long searched = System.nanoTime();
            certificates.page(representative, filter, (1 + run % 5) * PAGE, PAGE, sort, ascending);
            long paged = System.nanoTime();
            if (run >= WARM_UP) {
                searches.add((searched - start) / 1_000);
                pages.add((paged - searched) / 1_000);
            }
        }
        print(what + ": search", total, searches);
        print(what + ": next page", total, pages);
    }

    private static void print(String what, long total, List<Long> micros) {
        Collections.sort(micros);
        System.out.printf(Locale.ROOT, "BENCHMARK %-52s results=%6d median=%7.1f ms p95=%7.1f ms%n", what, total,
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.95) - 1) / 1000.0);
    }

    /** The organisation of 100,000 certificates, loaded by the data loader among a few small ones; its representative. */
    private long load() throws SQLException {
        String prefix = "B" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        try (Connection connection = dataSource.getConnection()) {
            new DataLoader(connection, Base64.getDecoder().decode(lookupKey)).load(new Shape(CERTIFICATES + 1_000,
                    (CERTIFICATES + 1_000) / 5, 10, 0.05, 0.03, CERTIFICATES, prefix, 15, 10), List.of());
            try (PreparedStatement representative = connection.prepareStatement("SELECT r.id FROM legal_representative r"
                    + " JOIN organisation o ON o.id = r.organisation_id WHERE o.identifier = ?")) {
                representative.setString(1, prefix + "-000001");
                try (ResultSet row = representative.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }
    }
}
