package org.certrevoke.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Crls;
import org.certrevoke.it.DatabaseProxy;
import org.certrevoke.it.DatabaseProxySession;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database cut away from the running server (PostgreSQL behind the test's proxy; skipped on H2): every
 * caller gets an honest answer within a few seconds, the log stays short, and the server serves again as
 * soon as the database is back, without a restart. Prints its timings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private static final String CA = DemoCertificates.CA_ALIAS;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern RECORD = Pattern.compile("\\d{4}-\\d\\d-\\d\\d [^\\[]*\\[[^\\]]*\\] \\(([^)]*)\\)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void answersHonestlyWhileTheDatabaseIsAwayAndServesAgainOnceItIsBack() throws Exception {
        DatabaseProxy proxy = DatabaseProxySession.proxy().orElse(null);
        assumeTrue(proxy != null, "needs the server's database behind the test proxy: PostgreSQL only");
        GreenMail smtp = new GreenMail(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));
        smtp.start();
        try (Browser english = new Browser()) {
            byte[] crl = Crls.await(CA, published -> true, Duration.ofSeconds(60));
            byte[] caCertificate = Http.get("/ca/" + CA + ".crt").body();
            byte[] askedBefore = ocspRequest(caCertificate, serial());
            byte[] answeredBefore = ocsp(askedBefore);
            assertEquals(OCSPRespBuilder.SUCCESSFUL, new OCSPResp(answeredBefore).getStatus());
            String api = "/api/v1/certificates/" + CA + "/" + serial();
            assertEquals(404, apiGet(api).statusCode());
            String healthy = readiness().body();
            assertEquals("UP", status(healthy, "mail"), healthy);
            english.open("/view/certificats/recherche.jsf").click("[id='language:en']").find("[id='search:email']");
            long logBefore = logLines().size();

            proxy.cut();
            int failedRequests = 0;
            try {
                HttpResponse<String> refused = timed("API call", () -> apiGet(api));
                failedRequests++;
                assertEquals(503, refused.statusCode(), refused.body());
                assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
                assertTrue(refused.headers().firstValue("Retry-After").orElseThrow().matches("\\d+"));
                assertTrue(refused.body().contains("urn:certrevoke:problem:service-unavailable"), refused.body());
                for (int i = 0; i < 4; i++) {
                    assertEquals(503, timed("API call again", () -> apiGet(api)).statusCode());
                    failedRequests++;
                }

                HttpResponse<byte[]> crlDuring = timed("CRL", () -> Http.get("/crl/" + CA + ".crl"));
                assertEquals(200, crlDuring.statusCode());
                assertArrayEquals(crl, crlDuring.body());

                assertArrayEquals(answeredBefore, timed("OCSP, cached request", () -> ocsp(askedBefore)));
                byte[] notCached = timed("OCSP, new request", () -> ocsp(ocspRequest(caCertificate, serial())));
                failedRequests++;
                assertEquals(OCSPRespBuilder.TRY_LATER, new OCSPResp(notCached).getStatus());

                HttpResponse<String> page = timed("page", () -> get(Server.url("/demo/mailbox.jsf")));
                failedRequests++;
                assertEquals(503, page.statusCode());
                assertTrue(page.headers().firstValue("Retry-After").isPresent());
                assertTrue(page.body().contains("Service momentanément indisponible"), page.body());
                timed("page, in English", () -> english.open("/demo/mailbox.jsf"));
                failedRequests++;
                assertTrue(english.text("#unavailable").contains("Service temporarily unavailable"),
                        english.pageText());

                HttpResponse<String> health = timed("/health/ready", DatabaseOutageIT::readiness);
                failedRequests++;
                assertEquals(503, health.statusCode(), health.body());
                assertEquals("DOWN", status(health.body(), "database"), health.body());
                assertEquals("UP", status(health.body(), "mail"), health.body());
                for (String check : List.of("signing-keys", "publication")) {
                    // CAs of other tests may have no key or no CRL: only a check UP before the cut must stay UP
                    if (status(healthy, check).equals("UP")) {
                        assertEquals("UP", status(health.body(), check), check + " reports its own state only: " + health.body());
                    }
                }

                List<String> lines = logLines();
                long logged = fromRequests(lines.subList((int) logBefore, lines.size()));
                System.out.printf("[outage] %d log lines from request threads for %d failed requests (%.1f a request),"
                        + " %d lines in all%n", logged, failedRequests, (double) logged / failedRequests,
                        lines.size() - logBefore);
                assertTrue(logged <= 5L * failedRequests, logged + " log lines for " + failedRequests + " requests");
            } finally {
                proxy.restore();
            }

            long restored = System.nanoTime();
            HttpResponse<String> again = apiGet(api);
            for (int i = 0; i < 30 && again.statusCode() != 404; i++) {
                Thread.sleep(500);
                again = apiGet(api);
            }
            System.out.printf("[outage] API answering again %d ms after the database came back%n",
                    (System.nanoTime() - restored) / 1_000_000);
            assertEquals(404, again.statusCode(), again.body());
            assertEquals(200, get(Server.url("/demo/mailbox.jsf")).statusCode());
            String recovered = readiness().body();
            assertEquals("UP", status(recovered, "database"), recovered);
            assertEquals(OCSPRespBuilder.SUCCESSFUL, new OCSPResp(ocsp(ocspRequest(caCertificate, serial()))).getStatus());
        } finally {
            smtp.stop();
        }
    }

    private static <T> T timed(String what, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            System.out.printf("[outage] %s answered in %d ms with the database away%n", what,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String serial() {
        return "7f" + new BigInteger(62, RANDOM).toString(16);
    }

    private static byte[] ocspRequest(byte[] issuer, String serial) {
        try {
            return new OCSPReqBuilder().addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new X509CertificateHolder(issuer), new BigInteger(serial, 16)))
                    .build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ocsp(byte[] request) {
        HttpResponse<byte[]> response = Http.post("/ocsp", "application/ocsp-request", request);
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static HttpResponse<String> apiGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(Server.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + RaClient.DEMO_KEY).GET().build());
    }

    private static HttpResponse<String> readiness() {
        return get("http://localhost:" + System.getProperty("it.management.port", "10090") + "/health/ready");
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> logLines() throws IOException {
        return Files.readAllLines(Path.of(System.getProperty("it.server.base"), "log", "server.log"),
                StandardCharsets.ISO_8859_1);
    }

    /**
     * The lines logged by threads serving requests (Undertow's workers and I/O threads), stack traces
     * included; the schedules running meanwhile are not the requests' doing.
     */
    private static long fromRequests(List<String> lines) {
        long count = 0;
        boolean request = false;
        for (String line : lines) {
            Matcher record = RECORD.matcher(line);
            if (record.lookingAt()) {
                request = record.group(1).startsWith("default task-") || record.group(1).startsWith("default I/O-");
            }
            count += request ? 1 : 0;
        }
        return count;
    }

    private static String status(String health, String check) {
        Matcher matcher = Pattern.compile("\"name\"\\s*:\\s*\"" + check + "\"\\s*,\\s*\"status\"\\s*:\\s*\"(UP|DOWN)\"")
                .matcher(health);
        assertTrue(matcher.find(), "no " + check + " check in " + health);
        return matcher.group(1);
    }
}
