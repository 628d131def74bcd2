package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.certrevoke.it.CommandLine;
import org.certrevoke.it.Crls;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.it.OpenSsl;
import org.certrevoke.it.Server;
import org.certrevoke.it.TestClock;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publication against what may be in the database, whoever wrote it: revoked certificates whose serials
 * are negative, zero or not numbers at all, and a reason nobody knows, inserted behind the application's
 * back next to a good one. The demo CA's next CRL is still issued, lists the good, the negative and the
 * zero serial (they are the certificates' own), leaves the unreadable rows out, reports each once in the
 * audit log, and is not re-issued at every check for them. Then the {@code publication} readiness check:
 * down while the CRL is older than the re-issue interval plus the margin (the server's clock moved on,
 * the CA's row held so that no CRL can be issued meanwhile), up once the next CRL is out. The rows are
 * deleted at the end.
 */
@ExtendWith(ArquillianExtension.class)
class CrlRobustnessIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClock(CrlRobustnessIT.class, Crls.class, Http.class, Server.class, OpenSsl.class, CommandLine.class);
    }

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Test
    void rowsTheWriterCannotListAreLeftOutAuditedOnceAndTheCrlIsStillIssued() throws Exception {
        long authority = demoCa();
        String unique = new BigInteger(64, RANDOM).toString(16);
        String good = "5" + unique;
        String negative = "-1" + unique;
        String zero = "0".repeat(2 + RANDOM.nextInt(30));
        Map<String, String> garbage = new LinkedHashMap<>();
        garbage.put("zz" + unique, "KEY_COMPROMISE");
        garbage.put("1" + unique + "\t", "KEY_COMPROMISE");
        garbage.put(" 2" + unique, "KEY_COMPROMISE");
        garbage.put("3" + unique, "NOT_A_REASON");
        List<Long> inserted = new ArrayList<>();
        try {
            inserted.add(insertRevoked(authority, good, "KEY_COMPROMISE"));
            inserted.add(insertRevoked(authority, negative, "SUPERSEDED"));
            inserted.add(insertRevoked(authority, zero, "AFFILIATION_CHANGED"));
            List<Long> bad = new ArrayList<>();
            for (Map.Entry<String, String> row : garbage.entrySet()) {
                bad.add(insertRevoked(authority, row.getKey(), row.getValue()));
            }
            inserted.addAll(bad);

            byte[] der = Crls.await("demo-ca", crl -> crl.getRevokedCertificate(new BigInteger(good, 16)) != null, WAIT);
            X509CRL crl = Crls.parse(der);
            assertNotNull(crl.getRevokedCertificate(new BigInteger(negative, 16)), "the negative serial is listed");
            assertNotNull(crl.getRevokedCertificate(BigInteger.ZERO), "the zero serial is listed");
            assertNull(crl.getRevokedCertificate(new BigInteger("3" + unique, 16)), "a row with an unknown reason is left out");
            assertOpensslAccepts(der, good);
            for (long id : bad) {
                assertEquals(1, skippedRecordsAbout(id), "certificate " + id + " reported once");
            }

            BigInteger number = crlNumber(crl);
            String another = "6" + unique;
            inserted.add(insertRevoked(authority, another, "UNSPECIFIED"));
            X509CRL next = Crls.parse(Crls.await("demo-ca",
                    c -> c.getRevokedCertificate(new BigInteger(another, 16)) != null, WAIT));
            assertEquals(number.add(BigInteger.ONE), crlNumber(next), "one new CRL for one new revocation, none for the bad rows");
            for (long id : bad) {
                assertEquals(1, skippedRecordsAbout(id), "certificate " + id + " still reported once");
            }
        } finally {
            delete(inserted);
        }
    }

    @Test
    void publicationIsDownWhileTheCrlIsOverdueAndUpOnceItIsIssued() throws Exception {
        long authority = demoCa();
        Crls.await("demo-ca", crl -> true, WAIT);
        assertEquals("UP", awaitPublication("UP").status(), "a fresh CRL");

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT crl_number FROM published_crl WHERE authority_id = ? FOR UPDATE")) {
                lock.setLong(1, authority);
                lock.executeQuery().close();
            }
            clock.advance(Duration.ofHours(6).plus(Duration.ofMinutes(16)));
            Health overdue = publication();
            assertEquals("DOWN", overdue.status(), overdue.body());
            assertTrue(overdue.body().matches("(?s).*\"demo-ca\"\\s*:\\s*\"overdue: CRL \\d+ of .*"), overdue.body());
            connection.rollback();
        }

        Health issued = awaitPublication("UP");
        assertTrue(issued.body().matches("(?s).*\"demo-ca\"\\s*:\\s*\"CRL \\d+ of .*"), issued.body());
    }

    private record Health(String status, String body) {
    }

    private Health awaitPublication(String wanted) throws Exception {
        Instant end = Instant.now().plus(WAIT);
        Health health = publication();
        while (!health.status().equals(wanted) && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            health = publication();
        }
        return health;
    }

    private static Health publication() throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + System.getProperty("it.management.port", "10090") + "/health/ready"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher status = Pattern.compile("\"name\"\\s*:\\s*\"publication\"\\s*,\\s*\"status\"\\s*:\\s*\"(UP|DOWN)\"")
                .matcher(response.body());
        assertTrue(status.find(), "no publication check in " + response.body());
        return new Health(status.group(1), response.body());
    }

    private static void assertOpensslAccepts(byte[] der, String serial) throws IOException {
        Path directory = Files.createTempDirectory("crl-robustness");
        Path crl = Files.write(directory.resolve("demo-ca.crl"), der);
        Path ca = OpenSsl.pem(directory, "ca.pem", Http.get("/ca/demo-ca.crt").body());
        CommandLine.Result result = OpenSsl.run("crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", ca.toString(),
                "-noout", "-text");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("verify OK"), result.output());
        assertTrue(result.output().toUpperCase().contains(serial.toUpperCase()), result.output());
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue("2.5.29.20");
        byte[] octets = org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets();
        return org.bouncycastle.asn1.ASN1Integer.getInstance(octets).getValue();
    }

    private long demoCa() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id FROM certificate_authority WHERE alias = 'demo-ca'");
             ResultSet row = select.executeQuery()) {
            assertTrue(row.next(), "the demo CA");
            return row.getLong(1);
        }
    }

    /** A copy of one of the CA's certificates under another id and serial, revoked, as a careless import would leave it. */
    private long insertRevoked(long authority, String serial, String crlReason) throws SQLException {
        long id = 7_000_000_000_000_000L + RANDOM.nextInt(1_000_000_000);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO certificate (id, authority_id, holder_id,"
                     + " certificate_type, serial, issuer_dn, subject_dn, subject_alt_names, not_before, not_after, der,"
                     + " revoked, revoked_at, revocation_reason, crl_reason, requester_kind, requester_name, version,"
                     + " organisation_id, holder_search_name, holder_search_email)"
                     + " SELECT ?, authority_id, holder_id, certificate_type, ?, issuer_dn, subject_dn, subject_alt_names,"
                     + " not_before, not_after, der, TRUE, CURRENT_TIMESTAMP, 'HOLDER_REQUEST', ?, 'OPERATOR', 'IT', 0,"
                     + " organisation_id, holder_search_name, holder_search_email FROM certificate"
                     + " WHERE authority_id = ? ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
            insert.setLong(1, id);
            insert.setString(2, serial);
            insert.setString(3, crlReason);
            insert.setLong(4, authority);
            assertEquals(1, insert.executeUpdate());
        }
        return id;
    }

    private long skippedRecordsAbout(long certificateId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM audit_record"
                     + " WHERE event = 'CRL_ENTRY_SKIPPED' AND details LIKE ?")) {
            count.setString(1, "% certificate=" + certificateId + " %");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void delete(List<Long> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM certificate WHERE id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }
}
