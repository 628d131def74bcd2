package org.certrevoke.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.RegistryRows;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile values in every field and path parameter of the registration-authority API, and bodies that
 * are not the JSON a call expects. Whatever the value: no 5xx, no stack trace, no markup or control
 * character echoed back, and a refused call leaves the registry as it was: same organisations,
 * representatives and keys, holders and questions, certificates and revocations, queued mails, and no
 * audit record of a registration or revocation ({@link RegistryRows}); the {@code API_CALL} record of
 * the refusal itself is expected. Prints how many calls were made and the statuses they got.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationApiFuzzIT {

    /**
     * HTTP/1.1, as a registration authority's client speaks it: the JDK's default cleartext HTTP/2 upgrade
     * turns an answer the server gives before reading a whole oversized body (413) into a GOAWAY.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Each is sent as a JSON string, except the raw JSON tokens at the end. */
    static final List<String> STRINGS = List.of("", " ", "A".repeat(10_000), "A".repeat(1024 * 1024), "\u0000",
            "a\u0000b", "a\r\nb", "\r\n", "\t", "\u0007", "\u001b[31mred", "\u007f", "\u0085", "\u2028",
            "\u202eevil\u202c", "\u200b", "a\u200db", "\ufeff", "\ud83d\ude00", "e\u0301", "\u0301\u0301\u0301",
            "#{7*7}", "${7*7}", "' OR 1=1--", "\"; DROP TABLE certificate;--", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "{0}", "{}",
            "ORG-{identifier}", "%s%n%x", "\\", "\"", "\ud800", "a@x.example,b@y.example",
            "a@x.example\r\nBcc: c@z.example", "-1", "0", "9".repeat(100), "\uffff", "\uff21\uff22\uff23",
            "\u0130", "KEY_COMPROMISE\u0000", "2026-01-01T00:00:00Z\r\n", "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z");
    static final List<String> TOKENS = List.of("null", "123", "-1.5e308", "[]", "{}", "true", "[\"a\",\"b\"]");

    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private String organisation;
    private String certificate;
    private String registeredSerial;
    /** One holder for every call, so that an accepted call does not hash three new answers. */
    private final String holderEmail = "fz-" + UUID.randomUUID() + "@example.test";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(RegistryRows.class);
    }

    @Test
    void hostileInputIsRefusedCleanlyAndChangesNothing() {
        organisation = RaClient.newOrganisation();
        registeredSerial = RaClient.registerFreshHolder().serial();

        for (String field : List.of("identifier", "name", "legalRepresentative.firstName",
                "legalRepresentative.lastName", "legalRepresentative.email")) {
            eachValue(value -> post("organisations " + field, "/api/v1/organisations", organisationJson(field, value)));
        }
        for (String field : List.of("certificate", "type", "organisation", "holder.firstName", "holder.lastName",
                "holder.email", "holder.idDocumentNumber", "holder.establishment", "holder.service",
                "holder.function", "holder.questions", "holder.questions[0]", "holder.questions[1].question",
                "holder.questions[2].answer")) {
            eachValue(value -> post("certificates " + field, "/api/v1/certificates", certificateJson(field, value)));
        }
        for (String field : List.of("reason", "invalidityDate")) {
            eachValue(value -> post("revocation " + field,
                    "/api/v1/certificates/demo-ca/" + freshValidSerial() + "/revocation", revocationJson(field, value)));
        }
        for (String value : pathValues()) {
            String encoded = pathSegment(value);
            send("access-key {identifier}", request("/api/v1/organisations/" + encoded + "/access-key")
                    .POST(HttpRequest.BodyPublishers.noBody()), true);
            send("status {ca}", request("/api/v1/certificates/" + encoded + "/" + registeredSerial).GET(), true);
            send("status {serial}", request("/api/v1/certificates/demo-ca/" + encoded).GET(), true);
            send("revocation {ca}", request("/api/v1/certificates/" + encoded + "/" + registeredSerial + "/revocation")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"KEY_COMPROMISE\"}")), true);
            send("revocation {serial}", request("/api/v1/certificates/demo-ca/" + encoded + "/revocation")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"KEY_COMPROMISE\"}")), true);
        }
        for (String path : List.of("/api/v1/organisations", "/api/v1/certificates",
                "/api/v1/certificates/demo-ca/" + registeredSerial + "/revocation")) {
            for (String body : malformedBodies()) {
                send("malformed " + path.replaceAll("[0-9a-f]{32}", "{serial}"), request(path)
                        .POST(HttpRequest.BodyPublishers.ofString(body)), true);
            }
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "*/*", "")) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Server.url(path)))
                        .header("Authorization", "Bearer " + RaClient.DEMO_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(organisationJson("identifier", "ORG-CT-" + requests)));
                if (!type.isEmpty()) {
                    builder.header("Content-Type", type);
                }
                send("content-type " + path.replaceAll("[0-9a-f]{32}", "{serial}"), builder,
                        !type.startsWith("application/json") && !type.equals("*/*"));
            }
        }
        statuses.forEach((field, counts) -> System.out.println("fuzz " + field + " " + counts));
        Map<Integer, Integer> total = new TreeMap<>();
        statuses.values().forEach(counts -> counts.forEach((status, n) -> total.merge(status, n, Integer::sum)));
        System.out.println("fuzz: " + (STRINGS.size() + TOKENS.size()) + " values per field");
        System.out.println("fuzz total: " + requests + " requests, statuses " + total + ", "
                + failures.size() + " failures");
        failures.stream().limit(40).forEach(failure -> System.out.println("fuzz failure: " + failure));
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " failures");
        assertTrue(requests > 1000, "requests: " + requests);
    }

    private void eachValue(Function<String, Void> call) {
        STRINGS.forEach(value -> call.apply(JsonText.quote(value)));
        TOKENS.forEach(call::apply);
    }

    private Void post(String label, String path, String json) {
        send(label, request(path).POST(HttpRequest.BodyPublishers.ofString(json)), false);
        return null;
    }

    /** Sends one call and checks its answer; the registry must be unchanged unless the call succeeded. */
    private void send(String label, HttpRequest.Builder request, boolean refusalExpected) {
        String before = rows();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            failures.add(label + ": no answer (" + e + ")");
            return;
        }
        requests++;
        int status = response.statusCode();
        statuses.computeIfAbsent(label, key -> new TreeMap<>()).merge(status, 1, Integer::sum);
        String body = response.body();
        String shown = label + " -> " + status + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        if (status >= 500) {
            failures.add(shown);
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.matches("(?s).*\\bat [a-z]+\\.[a-z]+\\..*")) {
            failures.add("stack trace: " + shown);
        }
        if (body.contains("<script") || body.contains("<img") || body.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            failures.add("reflected: " + shown);
        }
        if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add("not a problem document: " + shown);
        }
        if (status >= 300) {
            String after = rows();
            if (!before.equals(after)) {
                failures.add("changed the registry: " + shown + "\n" + before + "->\n" + after);
            }
        } else if (refusalExpected) {
            failures.add("accepted: " + shown);
        } else {
            certificate = null;
        }
    }

    private String organisationJson(String field, String value) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("identifier", JsonText.quote("FZ-" + UUID.randomUUID().toString().substring(0, 18).toUpperCase()));
        values.put("name", JsonText.quote("Fuzz organisation"));
        values.put("legalRepresentative.firstName", JsonText.quote("Anna"));
        values.put("legalRepresentative.lastName", JsonText.quote("Le Meur"));
        values.put("legalRepresentative.email", JsonText.quote("fuzz-rep@example.test"));
        values.put(field, value);
        return """
                {"identifier": %s, "name": %s,
                 "legalRepresentative": {"firstName": %s, "lastName": %s, "email": %s}}
                """.formatted(values.values().toArray());
    }

    private String certificateJson(String field, String value) {
        if (certificate == null) {
            certificate = JsonText.quote(RaClient.base64(RaClient.issue(RaClient.demoCa(), "Fuzz Holder", "fuzz@example.test")));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("certificate", certificate);
        values.put("type", JsonText.quote("SIGNATURE"));
        values.put("organisation", JsonText.quote(organisation));
        values.put("holder.firstName", JsonText.quote("Fuzz"));
        values.put("holder.lastName", JsonText.quote("Holder"));
        values.put("holder.email", JsonText.quote(holderEmail));
        values.put("holder.idDocumentNumber", JsonText.quote("FZ-1"));
        values.put("holder.establishment", JsonText.quote("Siège"));
        values.put("holder.service", JsonText.quote("Essais"));
        values.put("holder.function", JsonText.quote("Testeur"));
        values.put("holder.questions[0]", "{\"question\": \"Ville\", \"answer\": \"Brest\"}");
        values.put("holder.questions[1].question", JsonText.quote("Heure"));
        values.put("holder.questions[2].answer", JsonText.quote("Le Roux"));
        String questions = null;
        if (field.equals("holder.questions")) {
            questions = value;
        } else {
            values.put(field, value);
        }
        if (questions == null) {
            questions = "[%s, {\"question\": %s, \"answer\": \"5h20\"}, {\"question\": \"Nom\", \"answer\": %s}]"
                    .formatted(values.remove("holder.questions[0]"), values.remove("holder.questions[1].question"),
                            values.remove("holder.questions[2].answer"));
        } else {
            values.remove("holder.questions[0]");
            values.remove("holder.questions[1].question");
            values.remove("holder.questions[2].answer");
        }
        return """
                {"certificate": %s, "type": %s, "organisation": %s,
                 "holder": {"firstName": %s, "lastName": %s, "email": %s, "idDocumentNumber": %s,
                            "establishment": %s, "service": %s, "function": %s, "questions": %s}}
                """.formatted(values.get("certificate"), values.get("type"), values.get("organisation"),
                values.get("holder.firstName"), values.get("holder.lastName"), values.get("holder.email"),
                values.get("holder.idDocumentNumber"), values.get("holder.establishment"),
                values.get("holder.service"), values.get("holder.function"), questions);
    }

    private static String revocationJson(String field, String value) {
        return field.equals("reason") ? "{\"reason\": " + value + "}"
                : "{\"reason\": \"KEY_COMPROMISE\", \"invalidityDate\": " + value + "}";
    }

    private String freshSerial;

    /** A valid certificate to revoke; a new one once a revocation went through. */
    private String freshValidSerial() {
        if (freshSerial == null || !rowsUnchangedSinceLastRevocation()) {
            freshSerial = RaClient.registerFreshHolder().serial();
        }
        return freshSerial;
    }

    private boolean rowsUnchangedSinceLastRevocation() {
        HttpResponse<String> status = RaClient.get("/api/v1/certificates/demo-ca/" + freshSerial);
        return "VALID".equals(RaClient.member(status.body(), "status"));
    }

    private static List<String> pathValues() {
        List<String> values = new ArrayList<>(STRINGS.stream().filter(value -> value.length() <= 10_000).toList());
        values.addAll(List.of("..", ".", "../..", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
                "demo-ca/../../organisations", "%2e%2e%2f", "null", "-", "_", "~", "a;b=c", "a?b", "a#b"));
        return values;
    }

    private static List<String> malformedBodies() {
        return List.of("", "{", "}", "[", "[]", "null", "\"text\"", "42", "{\"identifier\":", "{'identifier': 'x'}",
                "{\"a\":1,}", "\u0000", "\ufeff{}", "[".repeat(10_000), "{\"a\":".repeat(5_000),
                "{\"identifier\": \"\\ud800\"}", "{\"identifier\": \"\\u0000\"}", "<xml/>", "a=b&c=d",
                "{\"certificate\": \"" + "A".repeat(70_000) + "\"}");
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest.Builder request(String path) {
        return RaClient.request(path, "Bearer " + RaClient.DEMO_KEY);
    }

    private static String rows() {
        return RaClient.send(HttpRequest.newBuilder(URI.create(Server.url("/it/registry-rows"))).GET()).body();
    }

    /** JSON string literals with everything outside printable ASCII escaped, lone surrogates included. */
    static final class JsonText {

        private JsonText() {
        }

        static String quote(String text) {
            StringBuilder json = new StringBuilder(text.length() + 2).append('"');
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            return json.append('"').toString();
        }
    }
}
