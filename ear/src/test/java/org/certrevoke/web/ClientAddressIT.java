package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.certrevoke.it.AddressThrottle;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Server;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client address rate limits count, as an attacker behind or in front of a proxy would try to
 * spread his searches over made-up addresses: 30 holder searches from fresh sessions, fired together,
 * each with its own forged {@code X-Forwarded-For} entry, against a limit of 20 per address. Each counts
 * against the one right address, which is then locked: the next search is refused, header or not.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientAddressIT {

    private static final int SEARCHES = 30;
    private static final int LIMIT = 20;
    private static final String REFUSED = "Trop de recherches depuis votre adresse";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(AddressThrottle.class);
    }

    @Test
    void withoutTrustedProxiesTheHeaderChangesNothing() throws Exception {
        String saved = throttle(null);
        throttle("none");
        try {
            List<HttpResponse<String>> answers = searchTogether(i -> randomAddress() + ", " + randomAddress());
            report("no trusted proxy", answers);
            assertEquals(LIMIT, accepted(answers), "a fresh header on each search buys nothing");
            assertTrue(isLocked(throttle(null)), "every search counted against the connection's address");
            assertEquals(1, refused(search(1, i -> randomAddress())), "the next search is refused, whatever its header");
        } finally {
            throttle(saved);
        }
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedEntryIsTheClient() throws Exception {
        String saved = throttle(null);
        String client = randomAddress();
        try (ModelControllerClient management = ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(),
                Integer.getInteger("it.management.port"))) {
            execute(management, "add", "127.0.0.1");
            try {
                List<HttpResponse<String>> answers = searchTogether(i -> randomAddress() + ", " + client);
                report("127.0.0.1 trusted, one client behind it", answers);
                assertEquals(LIMIT, accepted(answers), "a fresh spoofed leftmost entry on each search buys nothing");
                assertTrue(isLocked(throttleOf(client)), "the searches counted against the rightmost untrusted entry");
                assertEquals(1, refused(search(1, i -> randomAddress() + ", " + client)),
                        "the next one is refused: a fresh spoofed leftmost entry changes nothing");

                List<HttpResponse<String>> neighbour = search(1, i -> client + ", " + randomAddress());
                assertEquals(1, accepted(neighbour), "another client behind the same proxy has its own budget");
                assertEquals(saved, throttle(null), "nothing was counted against the proxy itself");
            } finally {
                execute(management, "remove", null);
            }
        } finally {
            throttle(saved);
        }
    }

    private static List<HttpResponse<String>> searchTogether(IntFunction<String> forwardedFor) throws Exception {
        return search(SEARCHES, forwardedFor);
    }

    /** Opens the search page in as many fresh sessions, then posts all searches at once. */
    private static List<HttpResponse<String>> search(int count, IntFunction<String> forwardedFor) throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String page = client.send(HttpRequest.newBuilder(URI.create(Server.url("/view/certificats/recherche.jsf"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            clients.add(client);
            bodies.add(form(Map.of("search", "search", "search:email", "nobody-" + UUID.randomUUID() + "@example.test",
                    "search:idDocument", "FR-000000001", "search:submit", "",
                    "jakarta.faces.ViewState", group(VIEW_STATE, page), "primefaces.nonce", group(NONCE, page))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpClient client = clients.get(i);
                HttpRequest request = HttpRequest.newBuilder(URI.create(Server.url("/view/certificats/recherche.jsf")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forwardedFor.apply(i))
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertEquals(200, response.statusCode(), response.body());
                responses.add(response);
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many of the searches fired together passed, for the record. */
    private static void report(String setting, List<HttpResponse<String>> answers) {
        System.out.printf("ClientAddressIT (%s): %d of %d searches fired together passed, limit %d%n",
                setting, accepted(answers), answers.size(), LIMIT);
    }

    private static boolean isLocked(String throttle) {
        String[] parts = throttle.split("\\|", -1);
        return parts.length == 3 && !parts[2].isEmpty();
    }

    private static long accepted(List<HttpResponse<String>> answers) {
        return answers.stream().filter(answer -> !answer.body().contains(REFUSED)).count();
    }

    private static long refused(List<HttpResponse<String>> answers) {
        return answers.stream().filter(answer -> answer.body().contains(REFUSED)).count();
    }

    /** An address of the benchmarking range 198.18.0.0/15, nobody's. */
    private static String randomAddress() {
        return "198." + (18 + RANDOM.nextInt(2)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** The holder search budget of a client behind the trusted proxy. */
    private static String throttleOf(String client) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Server.url("/it/address-throttle?policy=search"))).header("X-Forwarded-For", client).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** Reads (null) or sets 127.0.0.1's holder search budget. */
    private static String throttle(String state) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Server.url("/it/address-throttle?policy=search")));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                state == null ? request.GET().build() : request.PUT(HttpRequest.BodyPublishers.ofString(state)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return response.body();
    }

    private static void execute(ModelControllerClient management, String operation, String value) throws Exception {
        ModelNode request = new ModelNode();
        request.get("operation").set(operation);
        request.get("address").add("system-property", "certrevoke.trusted-proxies");
        if (value != null) {
            request.get("value").set(value);
        }
        ModelNode result = management.execute(request);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    private static String group(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertTrue(matcher.find(), pattern + " in the page");
        return matcher.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
