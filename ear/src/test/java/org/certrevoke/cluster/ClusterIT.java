package org.certrevoke.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certrevoke.audit.control.ChainReport;
import org.certrevoke.audit.control.ChainWalk;
import org.certrevoke.audit.control.StoredRecord;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Mails;
import org.certrevoke.it.PageSession;
import org.certrevoke.it.RaClient;
import org.certrevoke.platform.control.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * Two servers on one PostgreSQL database behind HAProxy ({@link LocalCluster}), started together on an empty
 * database: the schema and the demo data are made once and both serve; a revocation on one server is answered
 * "revoked" by the other's OCSP at once; revocations raced over both happen once, with one audit record, one set
 * of mails, CRL numbers that never repeat and an intact audit chain; and a representative's session outlives the
 * server it was on, killed with {@code kill -9}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String CA = "demo-ca";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String PAUL = "paul.ledu@kouign-aman.example";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1", "smtp"));

    private static LocalCluster cluster;
    private static DemoPki ca;

    @BeforeAll
    static void start() {
        cluster = LocalCluster.started();
        System.setProperty("it.demo-ca", cluster.demoCaKeyStore().toString());
        ca = RaClient.demoCa();
    }

    @Test
    @Order(1)
    void bothServersStartedTogetherOnAnEmptyDatabaseMadeItOnceAndServe() throws Exception {
        try (Connection db = cluster.database()) {
            assertEquals(List.of(), strings(db, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
                    + " GROUP BY version HAVING COUNT(*) > 1"), "no migration applied twice");
            assertTrue(count(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success") > 10, "migrated");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM organisation WHERE identifier = 'ORG-TAILLAN'"), "demo data once");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM certificate_authority WHERE alias = 'demo-ca'"), "one demo CA");
        }
        String serial = RaClient.registerFreshHolder().serial();
        for (int node = 1; node <= 2; node++) {
            assertEquals(200, cluster.get(cluster.url(node, "/view/certificats/recherche.jsf")).statusCode());
            assertEquals(OCSPResp.SUCCESSFUL, new OCSPResp(ocsp(node, serial)).getStatus(),
                    "server " + node + " signs OCSP answers with the shared demo CA's responder");
        }
    }

    /**
     * For each of 100 certificates: server 2 answers "good" and caches it; the certificate is revoked through
     * server 1; the first answer server 2 gives after that call returned must already be "revoked". The time from
     * the revocation's answer to server 2's first "revoked" is printed (median, p99).
     */
    @Test
    @Order(2)
    void aRevocationOnOneServerIsRevokedOnTheOtherAtOnce() throws Exception {
        List<Long> delays = new ArrayList<>();
        int firstAnswerRevoked = 0;
        for (int i = 0; i < 100; i++) {
            String serial = RaClient.registerFreshHolder().serial();
            byte[] request = request(serial);
            assertFalse(revoked(post(2, request)), "good before");
            assertFalse(revoked(post(2, request)), "good, from server 2's cache");
            HttpResponse<byte[]> revocation = revoke(1, serial);
            assertEquals(200, revocation.statusCode(), new String(revocation.body(), StandardCharsets.UTF_8));
            long revokedAt = System.nanoTime();
            boolean first = true;
            while (!revoked(post(2, request))) {
                first = false;
                assertTrue(System.nanoTime() - revokedAt < Duration.ofSeconds(70).toNanos(),
                        "server 2 never said revoked within its cache's max-age");
                Thread.sleep(20);
            }
            delays.add(System.nanoTime() - revokedAt);
            firstAnswerRevoked += first ? 1 : 0;
        }
        List<Long> sorted = delays.stream().sorted().toList();
        System.out.printf("cross-server OCSP: server 2's first answer after the revocation on server 1 was revoked"
                        + " %d times of 100; time to revoked on server 2: median %.1f ms, p99 %.1f ms%n", firstAnswerRevoked,
                sorted.get(49) / 1e6, sorted.get(98) / 1e6);
        assertEquals(100, firstAnswerRevoked, "server 2 was told before the revocation call returned");
    }

    /**
     * Twenty revocations of one certificate at once, ten through each server: one is done, nineteen are told so;
     * one audit record, one mail to the holder (an RA's revocation is not mailed to the representative).
     */
    @Test
    @Order(3)
    void twentyRevocationsOfOneCertificateOverBothServersRevokeItOnce() throws Exception {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        List<Integer> statuses = race(20, i -> revoke(i % 2 + 1, holder.serial()).statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        try (Connection db = cluster.database()) {
            assertEquals(1, count(db, "SELECT COUNT(*) FROM audit_record WHERE event = 'REVOCATION'"
                    + " AND certificate_serial = '" + holder.serial() + "'"), "one audit record");
        }
        assertEquals(1, Mails.waitFor(greenMail, holder.email(), mail -> revocationOf(mail, holder.serial()),
                Duration.ofSeconds(60)).size(), "one mail to the holder");
        Thread.sleep(3000);
        assertEquals(1, Mails.received(greenMail, holder.email()).stream()
                .filter(mail -> revocationOf(mail, holder.serial())).count(), "still one mail to the holder");
    }

    /**
     * Fifty revocations spread over both servers while both servers' CRLs are fetched: every mail arrives once, a
     * CRL number never stands for two different CRLs nor goes back on either server, the last CRL lists all fifty,
     * and the audit chain that both servers appended to is intact.
     */
    @Test
    @Order(4)
    void fiftyRevocationsOverBothServersMailOnceNumberCrlsOnceAndKeepTheChain() throws Exception {
        List<RaClient.Registered> holders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            holders.add(RaClient.registerFreshHolder());
        }
        Map<BigInteger, String> crls = new ConcurrentHashMap<>();
        List<String> regressions = new ArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        ExecutorService watchers = Executors.newFixedThreadPool(2);
        List<Future<Object>> watches = new ArrayList<>();
        for (int node = 1; node <= 2; node++) {
            int server = node;
            watches.add(watchers.submit(() -> {
                BigInteger last = BigInteger.ZERO;
                while (watching.get()) {
                    Optional<X509CRL> crl = crl(server);
                    if (crl.isPresent()) {
                        BigInteger number = crlNumber(crl.get());
                        String digest = Sha256.hex(crl.get().getEncoded());
                        String earlier = crls.putIfAbsent(number, digest);
                        if (earlier != null && !earlier.equals(digest)) {
                            regressions.add("CRL number " + number + " stands for two CRLs");
                        }
                        if (number.compareTo(last) < 0) {
                            regressions.add("server " + server + " went back from " + last + " to " + number);
                        }
                        last = number.max(last);
                    }
                    Thread.sleep(200);
                }
                return null;
            }));
        }
        List<Integer> statuses = race(50, i -> revoke(i % 2 + 1, holders.get(i).serial()).statusCode());
        assertEquals(50, statuses.stream().filter(status -> status == 200).count(), statuses.toString());

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        X509CRL last;
        do {
            Thread.sleep(1000);
            last = crl(1).orElseThrow();
        } while (!listsAll(last, holders) && System.nanoTime() < deadline);
        watching.set(false);
        for (Future<Object> watch : watches) {
            watch.get();
        }
        watchers.shutdown();
        assertTrue(listsAll(last, holders), "the last CRL lists all fifty");
        assertEquals(List.of(), regressions);
        assertTrue(crls.size() >= 2, "CRLs were issued meanwhile: " + crls.keySet());

        for (RaClient.Registered holder : holders) {
            assertEquals(1, Mails.waitFor(greenMail, holder.email(), mail -> revocationOf(mail, holder.serial()),
                    Duration.ofSeconds(90)).size(), holder.email());
        }
        Thread.sleep(3000);
        for (RaClient.Registered holder : holders) {
            assertEquals(1, Mails.received(greenMail, holder.email()).stream()
                    .filter(mail -> revocationOf(mail, holder.serial())).count(), "still one: " + holder.email());
        }
        ChainReport chain = chain();
        assertTrue(chain.intact(), chain.summary());
    }

    /**
     * The limits are rows, not memory: thirty wrong cancellation codes for one holder posted at once through the
     * real page, fifteen on each server, each visitor with a session of its own and a client address of its own
     * (sent by the balancer's address, which the servers trust): five are evaluated, the rest refused unevaluated,
     * one lockout recorded and one mail sent, and the right code is refused afterwards on either server.
     */
    @Test
    @Order(5)
    void thirtyWrongCodesOverBothServersAreEvaluatedFiveTimesAndLockOnce() throws Exception {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        List<PageSession> visitors = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            PageSession visitor = new PageSession(cluster.url(i % 2 + 1, ""), "X-Forwarded-For", "10.77.0." + (i + 1));
            visitor.open("/view/certificats/annulation.jsf");
            visitors.add(visitor);
        }
        List<Integer> answered = race(30, i -> cancel(visitors.get(i), holder, "AAAA-BBBB-" + String.format("%04d", i))
                .contains("annulation:code") ? 1 : 0);
        assertEquals(30, answered.stream().mapToInt(Integer::intValue).sum(), "every visitor is asked again");

        Map<String, Long> events = new TreeMap<>();
        try (Connection db = cluster.database();
                PreparedStatement statement = db.prepareStatement(
                        "SELECT event, COUNT(*) FROM audit_record WHERE actor = ? GROUP BY event")) {
            statement.setString(1, holder.email());
            try (ResultSet set = statement.executeQuery()) {
                while (set.next()) {
                    events.put(set.getString(1), set.getLong(2));
                }
            }
        }
        System.out.printf("cancellation codes over both servers, 30 together: %s%n", events);
        assertEquals(5, events.getOrDefault("PROOF_FAILED", 0L), "evaluated: " + events);
        assertEquals(25, events.getOrDefault("RATE_LIMITED", 0L), "refused unevaluated: " + events);
        assertEquals(1, events.getOrDefault("LOCKOUT", 0L), "lockout records: " + events);
        Thread.sleep(3000);
        assertEquals(1, Mails.received(greenMail, holder.email()).stream()
                .filter(mail -> mail.subject().contains("Codes d'annulation refusés")).count(), "one lockout mail");

        String code = Mails.cancellationCode(greenMail, holder.email(), holder.serial());
        for (int node = 1; node <= 2; node++) {
            PageSession rightful = new PageSession(cluster.url(node, ""), "X-Forwarded-For", "10.78.0." + node);
            rightful.open("/view/certificats/annulation.jsf");
            assertTrue(cancel(rightful, holder, code).contains("annulation:code"),
                    "the right code is refused on server " + node + " while the holder is locked");
        }
    }

    private static String cancel(PageSession visitor, RaClient.Registered holder, String code) {
        return visitor.post("/view/certificats/annulation.jsf", Map.of("annulation", "annulation",
                "annulation:email", holder.email(), "annulation:name", holder.holderName(), "annulation:code", code,
                "annulation:find", ""));
    }

    /**
     * A representative logs in (three steps) through the balancer, then the server that holds the session is
     * killed with {@code kill -9}: the next page comes from the other server, still logged in, and the revocation
     * completes; each mail arrives once.
     */
    @Test
    @Order(6)
    void aRepresentativesSessionOutlivesItsServer() {
        try (Browser browser = new Browser()) {
            browser.open("/auth/login.jsf").find("[id='login:identifier']");
            browser.type("[id='login:identifier']", "ORG-KOUIGN")
                    .type("[id='login:accessKey_input'], [id='login:accessKey']", "90817263544536271809")
                    .click("[id='login:next']");
            browser.type("[id='login:email']", PAUL).click("[id='login:confirmEmail']");
            browser.find("[id='login:code']");
            String code = code(Mails.waitFor(greenMail, PAUL, mail -> mail.subject().contains("code"), Duration.ofSeconds(60)));
            browser.type("[id='login:code']", code).click("[id='login:verifyCode']");
            browser.find("[id='search:name']");
            browser.type("[id='search:name']", "le gall").click("[id='search:submit']");
            assertTrue(browser.text("[id='search:results']").contains("Soizic Le Gall"));

            Cookie node = browser.driver().manage().getCookieNamed("CERTREVOKE_NODE");
            int serving = node.getValue().equals("node1") ? 1 : 2;
            long killedAt = System.nanoTime();
            cluster.kill(serving);

            browser.open("/entreprise/recherche.jsf").find("[id='search:name']");
            long failover = System.nanoTime() - killedAt;
            assertTrue(browser.text("#connectedAs").contains("Paul Le Du"), "still logged in");
            assertNotEquals(node.getValue(), browser.driver().manage().getCookieNamed("CERTREVOKE_NODE").getValue(),
                    "served by the other server");
            System.out.printf("fail-over: kill -9 of node%d to the next page on the other server: %.1f s%n", serving,
                    failover / 1e9);

            browser.type("[id='search:name']", "le gall").click("[id='search:submit']");
            browser.click("[id='search:results'] .detail-link").find("#serial");
            String serial = browser.text("#serial");
            browser.click("[id='detail:revoke']")
                    .choose("detail:reason", "Départ ou mutation du titulaire")
                    .click("[id='detail:next']");
            browser.click("[id='detail:ok']");
            assertEquals(serial, browser.text("#revokedSerial"));
            assertEquals(1, Mails.waitFor(greenMail, PAUL, mail -> revocationOf(mail, serial), Duration.ofSeconds(60))
                    .size(), "one mail to the representative");
        } finally {
            cluster.start(1);
            cluster.start(2);
        }
    }

    /** The holder's or the representative's mail saying that certificate is revoked (not its code mail). */
    private static boolean revocationOf(Mails.Received mail, String serial) {
        return mail.subject().contains(serial) && mail.subject().contains("révoqué");
    }

    private static boolean listsAll(X509CRL crl, List<RaClient.Registered> holders) {
        return holders.stream().allMatch(holder -> crl.getRevokedCertificate(new BigInteger(holder.serial(), 16)) != null);
    }

    private static Optional<X509CRL> crl(int node) {
        HttpResponse<byte[]> response = cluster.get(cluster.url(node, "/crl/" + CA + ".crl"));
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(response.body())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue("2.5.29.20");
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue();
    }

    private interface Call {
        int status(int i) throws Exception;
    }

    /** {@code n} calls released together, each on its own thread. */
    private static List<Integer> race(int n, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            results.add(threads.submit(() -> {
                go.await();
                return call.status(index);
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        threads.shutdown();
        return statuses;
    }

    private static HttpResponse<byte[]> revoke(int node, String serial) {
        return cluster.post(cluster.url(node, "/api/v1/certificates/" + CA + "/" + serial + "/revocation"),
                "application/json", "{\"reason\": \"KEY_COMPROMISE\"}".getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + RaClient.DEMO_KEY);
    }

    private static byte[] ocsp(int node, String serial) throws Exception {
        return post(node, request(serial));
    }

    private static byte[] request(String serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(ca.certificate().getEncoded()), new BigInteger(serial, 16));
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }

    private static byte[] post(int node, byte[] request) {
        HttpResponse<byte[]> response = cluster.post(cluster.url(node, "/ocsp"), "application/ocsp-request", request);
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static boolean revoked(byte[] response) throws Exception {
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response).getResponseObject();
        return basic.getResponses()[0].getCertStatus() instanceof RevokedStatus;
    }

    private static ChainReport chain() throws SQLException {
        try (Connection db = cluster.database();
                PreparedStatement rows = db.prepareStatement("SELECT id, recorded_at, event, actor, client_address,"
                        + " certificate_serial, details, previous_hash, hash FROM audit_record ORDER BY id");
                PreparedStatement head = db.prepareStatement("SELECT last_id, last_hash FROM audit_chain_head")) {
            ChainWalk walk = new ChainWalk();
            try (ResultSet set = rows.executeQuery()) {
                while (set.next() && walk.accept(new StoredRecord(set.getLong(1),
                        set.getObject(2, OffsetDateTime.class).toInstant(), set.getString(3), set.getString(4),
                        set.getString(5), set.getString(6), set.getString(7), set.getString(8), set.getString(9)))) {
                    // walked
                }
            }
            try (ResultSet set = head.executeQuery()) {
                set.next();
                return walk.finish(set.getLong(1), set.getString(2), Optional.empty());
            }
        }
    }

    private static String code(List<Mails.Received> mails) {
        assertFalse(mails.isEmpty(), "no code mail");
        Matcher code = CODE.matcher(mails.get(mails.size() - 1).body());
        assertTrue(code.find(), mails.get(mails.size() - 1).body());
        return code.group(1);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet set = statement.executeQuery()) {
            set.next();
            return set.getLong(1);
        }
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet set = statement.executeQuery()) {
            while (set.next()) {
                values.add(set.getString(1));
            }
        }
        return values;
    }
}
