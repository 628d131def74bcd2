package org.certrevoke.registry.api;

import static org.certrevoke.it.RaClient.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.RaClient.Registered;
import org.certrevoke.it.RegistryRows;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A registration authority that retries after a timeout sends the same call again while the first is
 * still running. Each test fires its calls together through a latch, each on a connection of its own:
 * one wins, every other gets the 409 that names the cause, and nothing is stored twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationRacesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(RegistryRows.class);
    }

    @Test
    void twentySimultaneousRegistrationsOfOneCertificateGiveOneCreatedAndNineteenConflicts() {
        String organisation = RaClient.newOrganisation();
        X509Certificate certificate = RaClient.issue(RaClient.demoCa(), "Race Holder", "race@example.test");
        String json = RaClient.certificateJson(RaClient.base64(certificate), organisation, "Race", "Holder",
                "race-" + UUID.randomUUID() + "@example.test", "RACE-1");
        List<HttpResponse<String>> answers = together(20, i -> post("/api/v1/certificates", json));
        assertOneCreatedOthersConflict(answers, "duplicate-certificate");
    }

    @Test
    void twentySimultaneousRegistrationsOfOneOrganisationGiveOneCreatedAndNineteenConflicts() {
        String identifier = "RACE-" + UUID.randomUUID().toString().toUpperCase();
        String json = """
                {"identifier": "%s", "name": "Course",
                 "legalRepresentative": {"firstName": "Anna", "lastName": "Le Meur", "email": "race-rep@example.test"}}
                """.formatted(identifier);
        List<HttpResponse<String>> answers = together(20, i -> post("/api/v1/organisations", json));
        assertOneCreatedOthersConflict(answers, "duplicate-organisation");
    }

    @Test
    void tenSimultaneousCertificatesOfOneNewHolderMakeOneHolder() {
        String organisation = RaClient.newOrganisation();
        String email = "race-holder-" + UUID.randomUUID() + "@example.test";
        List<String> json = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            json.add(RaClient.certificateJson(RaClient.base64(RaClient.issue(RaClient.demoCa(), "Race Holder", email)),
                    organisation, "Race", "Holder", email, "RACE-HOLDER-1"));
        }
        List<HttpResponse<String>> answers = together(10, i -> post("/api/v1/certificates", json.get(i)));
        assertEquals(Map.of(201, 10), statuses(answers), bodies(answers));
        String holders = RaClient.send(HttpRequest.newBuilder(URI.create(Server.url("/it/registry-rows?holders=" + email)))
                .GET()).body();
        assertEquals("1", holders);
    }

    @Test
    void everyLoserOfARevocationRaceIsToldOfTheExistingRevocation() {
        Registered registered = RaClient.registerFreshHolder();
        String path = "/api/v1/certificates/demo-ca/" + registered.serial() + "/revocation";
        List<HttpResponse<String>> answers = together(50, i -> post(path, "{\"reason\": \"KEY_COMPROMISE\"}"));
        assertEquals(Map.of(200, 1, 409, 49), statuses(answers), bodies(answers));
        HttpResponse<String> winner = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
        for (HttpResponse<String> loser : answers) {
            if (loser.statusCode() == 409) {
                assertEquals("urn:certrevoke:problem:already-revoked", member(loser.body(), "type"), loser.body());
                assertEquals(member(winner.body(), "revokedAt"), member(loser.body(), "revokedAt"), loser.body());
                assertEquals("KEY_COMPROMISE", member(loser.body(), "reason"), loser.body());
                assertNotNull(member(loser.body(), "crlReason"), loser.body());
                assertEquals("REVOKED", member(loser.body(), "state"), loser.body());
            }
        }
    }

    private static void assertOneCreatedOthersConflict(List<HttpResponse<String>> answers, String type) {
        assertEquals(Map.of(201, 1, 409, answers.size() - 1), statuses(answers), bodies(answers));
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a ->
                assertEquals("urn:certrevoke:problem:" + type, member(a.body(), "type"), a.body()));
    }

    /** Fires the calls at once, each on a client (so a connection) of its own. */
    private static List<HttpResponse<String>> together(int count, IntFunction<HttpRequest> call) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest request = call.apply(i);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                futures.add(threads.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static HttpRequest post(String path, String json) {
        return RaClient.request(path, "Bearer " + RaClient.DEMO_KEY).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static Map<Integer, Integer> statuses(List<HttpResponse<String>> answers) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        answers.forEach(answer -> statuses.merge(answer.statusCode(), 1, Integer::sum));
        System.out.println("race statuses: " + statuses);
        return statuses;
    }

    private static String bodies(List<HttpResponse<String>> answers) {
        return answers.stream().map(HttpResponse::body).distinct().limit(5).toList().toString();
    }
}
