package org.certrevoke.enterprise.boundary;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.certrevoke.enterprise.control.CertificateFilter;
import org.certrevoke.enterprise.control.SortField;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.EnterpriseFixtures;
import org.certrevoke.it.Fixtures;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.Holder;
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
 * {@code mvn verify -Dit.test=EnterpriseSearchBenchmark}. Rows go straight in with JDBC and carry a
 * placeholder DER, which the search never reads; the certificate table is analysed after loading.
 */
@ExtendWith(ArquillianExtension.class)
class EnterpriseSearchBenchmark {

    private static final int CERTIFICATES = 100_000;
    private static final int RUNS = 50;
    private static final int WARM_UP = 10;
    private static final int PAGE = 20;
    private static final long FIRST_ID = 8_000_000_000_000L;
    private static final String[] FIRST = {"Maëlle", "Erwan", "Soizic", "Yann", "Anaïs", "Gwenaël", "Éric", "Katell",
        "Loïc", "Nolwenn", "Ronan", "Enora", "Tanguy", "Rozenn", "Goulven", "Azenor", "Brieuc", "Léna", "Mathéo", "Zoé"};
    private static final String[] LAST = {"Le Gall", "Guillou", "Tanguy", "Le Bihan", "Kerhervé", "Quéré", "Le Dû",
        "Morvan", "Riou", "Caradec", "Le Goff", "Martin", "Prigent", "Le Floc'h", "Jézéquel", "Hénaff", "Cozic",
        "Le Roux", "Bréhier", "Nédélec", "Corre", "Le Meur", "Salaün", "Kerjean", "Guéguen"};

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(EnterpriseSearchBenchmark.class, EnterpriseFixtures.class, Fixtures.class);
    }

    @Inject
    EnterpriseCertificates certificates;

    @Inject
    EnterpriseFixtures organisations;

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Test
    void searchServerTimeWithOneHundredThousandCertificates() throws SQLException {
        EnterpriseFixtures.Org org = organisations.organisation();
        Instant loading = Instant.now();
        load(org);
        System.out.printf(Locale.ROOT, "BENCHMARK loaded %d certificates in %d s%n", CERTIFICATES,
                Duration.between(loading, Instant.now()).toSeconds());
        measure(org, "partial e-mail 'nolwenn.le'", new CertificateFilter("nolwenn.le", null, null));
        measure(org, "partial name 'kerherve'", new CertificateFilter(null, "kerherve", null));
        measure(org, "partial name 'loic le' + Valide", new CertificateFilter(null, "loic le", CertificateState.VALID));
        measure(org, "no filter, sorted by e-mail", new CertificateFilter(null, null, null));
        measure(org, "no filter, by end of validity descending", new CertificateFilter(null, null, null),
                SortField.NOT_AFTER, false);
    }

    private void measure(EnterpriseFixtures.Org org, String what, CertificateFilter filter) {
        measure(org, what, filter, SortField.EMAIL, true);
    }

    private void measure(EnterpriseFixtures.Org org, String what, CertificateFilter filter, SortField sort,
                         boolean ascending) {
        List<Long> searches = new ArrayList<>();
        List<Long> pages = new ArrayList<>();
        long total = 0;
        for (int run = 0; run < WARM_UP + RUNS; run++) {
            long start = System.nanoTime();
            total = certificates.count(org.representativeId(), filter, Fixtures.freshClientAddress());
            certificates.page(org.representativeId(), filter, 0, PAGE, sort, ascending);
            long searched = System.nanoTime();
            certificates.page(org.representativeId(), filter, (1 + run % 5) * PAGE, PAGE, sort, ascending);
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

    private void load(EnterpriseFixtures.Org org) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ids = connection.prepareStatement("SELECT o.id, a.id FROM organisation o, certificate c,"
                     + " holder h, certificate_authority a WHERE o.identifier = ? AND h.organisation_id = o.id"
                     + " AND c.holder_id = h.id AND a.id = c.authority_id");
             PreparedStatement holder = connection.prepareStatement("INSERT INTO holder (id, organisation_id, first_name,"
                     + " last_name, email, email_lookup, id_document_lookup, search_name, search_email)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement certificate = connection.prepareStatement("INSERT INTO certificate (id, authority_id,"
                     + " holder_id, certificate_type, serial, issuer_dn, subject_dn, subject_alt_names, not_before,"
                     + " not_after, der, revoked, organisation_id, holder_search_name, holder_search_email, version)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            ids.setString(1, org.identifier());
            long organisationId;
            long authorityId;
            try (var row = ids.executeQuery()) {
                row.next();
                organisationId = row.getLong(1);
                authorityId = row.getLong(2);
            }
            for (int i = 0; i < CERTIFICATES; i++) {
                long id = FIRST_ID + 2L * i;
                String first = FIRST[i % FIRST.length];
                String last = LAST[(i / FIRST.length) % LAST.length];
                String email = (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '-').replace("'", "")
                        + "." + i + "@bench.example";
                holder.setLong(1, id);
                holder.setLong(2, organisationId);
                holder.setString(3, first);
                holder.setString(4, last);
                holder.setString(5, email);
                holder.setString(6, Holder.emailLookup(email));
                holder.setString(7, "bench-" + i);
                holder.setString(8, Holder.searchForm(first + " " + last));
                holder.setString(9, Holder.searchForm(email));
                holder.addBatch();
                certificate.setLong(1, id + 1);
                certificate.setLong(2, authorityId);
                certificate.setLong(3, id);
                certificate.setString(4, i % 2 == 0 ? "SIGNATURE" : "AUTHENTICATION");
                certificate.setString(5, String.format("b%015x", i));
                certificate.setString(6, "CN=Bench CA");
                certificate.setString(7, "CN=" + first + " " + last);
                certificate.setString(8, "email:" + email);
                certificate.setObject(9, now.minusDays(1));
                certificate.setObject(10, now.plusDays(i % 10 == 0 ? -1 : 365));
                certificate.setBytes(11, new byte[] {0});
                certificate.setBoolean(12, false);
                certificate.setLong(13, organisationId);
                certificate.setString(14, Holder.searchForm(first + " " + last));
                certificate.setString(15, Holder.searchForm(email));
                certificate.addBatch();
                if (i % 1000 == 999) {
                    holder.executeBatch();
                    certificate.executeBatch();
                }
            }
            holder.executeBatch();
            certificate.executeBatch();
            // fresh statistics, as the database's own background analysis would have them in a while
            boolean postgreSql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            try (Statement analyse = connection.createStatement()) {
                analyse.execute(postgreSql ? "ANALYZE certificate" : "ANALYZE TABLE certificate");
            }
        }
    }
}
