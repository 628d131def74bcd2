package org.certrevoke.load;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The public flows against a server loaded by {@link DataLoad}, as browsers and relying parties use them:
 * every page fetched, its view state and script nonce posted back with the form, cookies kept per
 * virtual user. Each virtual user is a client address of its own (an {@code X-Forwarded-For} from
 * 10.0.0.0/8, which the server must trust from the load generator: {@code certrevoke.trusted-proxies=127.0.0.1}),
 * so every per-address limit and lockout stays on and counts each user apart.
 *
 * <p>System properties: {@code load.url} (http://localhost:8080), {@code load.data} (the loader's credentials,
 * target/load-data), {@code load.ca} (demo-ca), {@code load.api-key} (the demo key), {@code load.scenarios}
 * (mix, or some of holder, cancellation, enterprise, api, ocsp, crl separated by commas), {@code load.users}
 * (closed model: that many users at all times, 10), {@code load.rate} (open model instead: new users a
 * second), {@code load.duration} (PT1M), {@code load.think} (pause between a user's steps, PT0S).
 */
public class RegistrySimulation extends Simulation {

    private static final String BASE = System.getProperty("load.url", "http://localhost:8080");
    private static final String DATA = System.getProperty("load.data", "target/load-data");
    private static final String CA = System.getProperty("load.ca", "demo-ca");
    private static final String API_KEY = System.getProperty("load.api-key", "certrevoke-demo-ra-key-2026");
    private static final List<String> SCENARIOS = Arrays.asList(System.getProperty("load.scenarios", "mix").split(","));
    private static final int USERS = Integer.getInteger("load.users", 10);
    private static final double RATE = Double.parseDouble(System.getProperty("load.rate", "0"));
    private static final Duration DURATION = Duration.parse(System.getProperty("load.duration", "PT1M"));
    private static final Duration THINK = Duration.parse(System.getProperty("load.think", "PT0S"));

    private static final String VIEW_STATE = "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"";
    private static final String NONCE = "PrimeFaces\\.csp\\.init\\('([^']+)'\\)";
    private static final String[] PARTIAL_NAMES = {"an", "le", "ma", "ou", "er", "el", "ga"};

    private final Map<String, Object> secrets = csv(DATA + "/secrets.csv").readRecords().get(0);
    private final OcspRequests ocsp = new OcspRequests(BASE, CA);

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8")
            .acceptLanguageHeader("fr-FR,fr;q=0.9")
            .userAgentHeader("certrevoke-load")
            .header("X-Forwarded-For", "#{clientAddress}");

    private final ChainBuilder asItsOwnClient = exec(session -> session.set("clientAddress", address(session.userId())));

    {
        List<Map<String, Object>> holders = csv(DATA + "/holders.csv").readRecords();
        // the two flows that revoke take their holders from different halves of the list, at random so that a
        // run rarely meets a certificate an earlier run revoked
        FeederBuilder<Object> searchers = listFeeder(holders.subList(0, holders.size() / 2)).random();
        FeederBuilder<Object> cancellers = listFeeder(holders.subList(holders.size() / 2, holders.size())).random();
        FeederBuilder<String> organisations = csv(DATA + "/organisations.csv").random();
        FeederBuilder<String> certificates = csv(DATA + "/certificates.csv").random();

        ChainBuilder holder = exec(page("holder: search page", "/view/certificats/recherche.jsf")).pause(THINK)
                .feed(searchers)
                .exec(post("holder: search", "/view/certificats/recherche.jsf")
                        .formParam("search", "search")
                        .formParam("search:email", "#{email}")
                        .formParam("search:idDocument", "#{idDocumentNumber}")
                        .formParam("search:submit", "")
                        .check(substring("#{serial}")))
                .pause(THINK)
                .exec(page("holder: questions", "/view/certificats/revocation.jsf?serial=#{serial}")
                        .check(substring("revocation:q:0:answer")))
                .pause(THINK)
                .exec(post("holder: answers", "/view/certificats/revocation.jsf?serial=#{serial}")
                        .formParam("revocation", "revocation")
                        .formParam("revocation:q:0:answer", secrets.get("answer1"))
                        .formParam("revocation:q:1:answer", secrets.get("answer2"))
                        .formParam("revocation:q:2:answer", secrets.get("answer3"))
                        .formParam("revocation:reason_input", "HOLDER_REQUEST")
                        .formParam("revocation:next", "")
                        .check(substring("revocation:confirmRevocation")))
                .pause(THINK)
                .exec(post("holder: confirmation", "/view/certificats/revocation.jsf?serial=#{serial}")
                        .formParam("revocation", "revocation")
                        .formParam("revocation:confirmRevocation", "")
                        .check(substring("revokedSerial")));

        ChainBuilder cancellation = exec(page("cancellation: page", "/view/certificats/annulation.jsf")).pause(THINK)
                .feed(cancellers)
                .exec(post("cancellation: code", "/view/certificats/annulation.jsf")
                        .formParam("annulation", "annulation")
                        .formParam("annulation:email", "#{email}")
                        .formParam("annulation:name", "#{firstName} #{lastName}")
                        .formParam("annulation:code", secrets.get("cancellationCode"))
                        .formParam("annulation:find", "")
                        .check(substring("annulation:next")))
                .pause(THINK)
                .exec(post("cancellation: reason", "/view/certificats/annulation.jsf")
                        .formParam("annulation", "annulation")
                        .formParam("annulation:reason_input", "HOLDER_REQUEST")
                        .formParam("annulation:next", "")
                        .check(substring("annulation:confirmRevocation")))
                .pause(THINK)
                .exec(post("cancellation: confirmation", "/view/certificats/annulation.jsf")
                        .formParam("annulation", "annulation")
                        .formParam("annulation:confirmRevocation", "")
                        .check(substring("revokedSerial")));

        ChainBuilder enterprise = exec(page("enterprise: login page", "/auth/login.jsf")).pause(THINK)
                .feed(organisations)
                .exec(post("enterprise: access key", "/auth/login.jsf")
                        .formParam("login", "login")
                        .formParam("login:identifier", "#{identifier}")
                        .formParam("login:accessKey", secrets.get("accessKey"))
                        .formParam("login:next", "")
                        .check(substring("login:email")))
                .pause(THINK)
                .exec(post("enterprise: e-mail", "/auth/login.jsf")
                        .formParam("login", "login")
                        .formParam("login:email", "#{representativeEmail}")
                        .formParam("login:confirmEmail", "")
                        .check(substring("login:code")))
                // the demo server keeps every mail in its outbox and shows the newest 100 at /demo/mailbox
                .exec(http("enterprise: (demo mailbox)").get("/demo/mailbox")
                        .check(regex("mail-to\">#{representativeEmail}</span>[\\s\\S]*?mail-body\">[^<]*?\\n {4}(\\d{6,})\\s*\\n")
                                .saveAs("code")))
                .pause(THINK)
                .exec(post("enterprise: code", "/auth/login.jsf")
                        .formParam("login", "login")
                        .formParam("login:code", "#{code}")
                        .formParam("login:verifyCode", ""))
                .exec(page("enterprise: search page", "/entreprise/recherche.jsf").check(substring("search:submit")))
                .pause(THINK)
                .exec(session -> session.set("partial", PARTIAL_NAMES[ThreadLocalRandom.current().nextInt(PARTIAL_NAMES.length)]))
                .exec(post("enterprise: partial search", "/entreprise/recherche.jsf")
                        .formParam("search", "search")
                        .formParam("search:email", "")
                        .formParam("search:name", "#{partial}")
                        .formParam("search:submit", "")
                        .check(regex("certificat\\.jsf\\?serial=([0-9a-fA-F]+)").optional().saveAs("detailSerial")))
                .doIf(session -> session.contains("detailSerial")).then(
                        exec(page("enterprise: detail", "/entreprise/certificat.jsf?serial=#{detailSerial}")
                                .check(substring("id=\"serial\""))));

        ChainBuilder apiStatus = feed(certificates).exec(http("api: status").get("/api/v1/certificates/#{ca}/#{serial}")
                .header("Authorization", "Bearer " + API_KEY)
                .check(status().is(200)));
        ChainBuilder apiRegistration = exec(http("api: organisation registration").post("/api/v1/organisations")
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .body(StringBody(session -> organisation()))
                .check(status().is(201)));
        ChainBuilder ocspPreSigned = feed(certificates).exec(http("ocsp: pre-signed").post("/ocsp")
                .header("Content-Type", "application/ocsp-request")
                .body(ByteArrayBody(session -> ocsp.plain(session.getString("serial"))))
                .check(status().is(200), header("Content-Type").is("application/ocsp-response")));
        ChainBuilder ocspNonce = feed(certificates).exec(http("ocsp: nonce").post("/ocsp")
                .header("Content-Type", "application/ocsp-request")
                .body(ByteArrayBody(session -> ocsp.withNonce(session.getString("serial"))))
                .check(status().is(200), header("Content-Type").is("application/ocsp-response")));
        ChainBuilder crl = exec(http("crl: download").get("/crl/" + CA + ".crl")
                .check(status().is(200), header("ETag").saveAs("etag")))
                .exec(http("crl: conditional").get("/crl/" + CA + ".crl").header("If-None-Match", "#{etag}")
                        .check(status().is(304)));

        // a bad day's mix: relying parties' reads dominate, people revoke in numbers
        ChainBuilder mix = randomSwitch().on(
                percent(12.0).then(holder),
                percent(4.0).then(cancellation),
                percent(4.0).then(enterprise),
                percent(18.0).then(apiStatus),
                percent(2.0).then(apiRegistration),
                percent(35.0).then(ocspPreSigned),
                percent(20.0).then(ocspNonce),
                percent(5.0).then(crl));

        Map<String, ChainBuilder> journeys = Map.of("mix", mix, "holder", holder, "cancellation", cancellation,
                "enterprise", enterprise, "api", exec(apiStatus).exec(apiRegistration),
                "ocsp", exec(ocspPreSigned).exec(ocspNonce), "crl", crl);
        List<PopulationBuilder> populations = new ArrayList<>();
        for (String name : SCENARIOS) {
            ChainBuilder journey = journeys.get(name.strip());
            if (journey == null) {
                throw new IllegalArgumentException("load.scenarios: unknown " + name + ", known " + journeys.keySet());
            }
            ScenarioBuilder scenario = scenario(name.strip()).exec(asItsOwnClient).exec(journey);
            populations.add(RATE > 0 ? scenario.injectOpen(constantUsersPerSec(RATE).during(DURATION))
                    : scenario.injectClosed(constantConcurrentUsers(USERS).during(DURATION)));
        }
        setUp(populations).protocols(protocol);
    }

    private static HttpRequestActionBuilder page(String name, String path) {
        return http(name).get(path).check(status().is(200), regex(VIEW_STATE).optional().saveAs("viewState"),
                regex(NONCE).optional().saveAs("nonce"));
    }

    /** A form post as the browser sends it: the page's view state and script nonce with the fields. */
    private static HttpRequestActionBuilder post(String name, String path) {
        return http(name).post(path)
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam("primefaces.nonce", "#{nonce}")
                .check(status().is(200), regex(VIEW_STATE).optional().saveAs("viewState"),
                        regex(NONCE).optional().saveAs("nonce"));
    }

    private static String address(long user) {
        return "10." + ((user >> 16) & 255) + "." + ((user >> 8) & 255) + "." + (user & 255);
    }

    private static String organisation() {
        String id = "GATLING-" + UUID.randomUUID().toString().substring(0, 18).toUpperCase(java.util.Locale.ROOT);
        return "{\"identifier\":\"" + id + "\",\"name\":\"Charge " + id + "\",\"legalRepresentative\":"
                + "{\"firstName\":\"Anne\",\"lastName\":\"Charge\",\"email\":\"anne." + id.toLowerCase(java.util.Locale.ROOT)
                + "@load.example\"}}";
    }
}
