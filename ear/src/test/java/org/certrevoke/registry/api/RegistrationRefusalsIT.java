package org.certrevoke.registry.api;

import static org.certrevoke.it.RaClient.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
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
 * Values a registration authority's bug could send, each refused with a 400 problem that names the field,
 * before anything is stored ({@link RegistryRows} reads the registry before and after); and the expired
 * certificate, which cannot be revoked but was never revoked either.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationRefusalsIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(RegistryRows.class);
    }

    @Test
    void negativeSerialIsRefused() {
        assertSerialRefused(BigInteger.valueOf(-5));
    }

    @Test
    void serialZeroIsRefused() {
        assertSerialRefused(BigInteger.ZERO);
    }

    @Test
    void serialOfTwentyOneOctetsIsRefused() {
        assertSerialRefused(BigInteger.ONE.shiftLeft(20 * 8));
    }

    @Test
    void serialOfSixtyOctetsIsRefused() {
        assertSerialRefused(BigInteger.ONE.shiftLeft(59 * 8 + 3));
    }

    @Test
    void serialOfTwentyOctetsIsAccepted() {
        String organisation = RaClient.newOrganisation();
        String email = "serial20-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> response = RaClient.post("/api/v1/certificates", RaClient.certificateJson(
                RaClient.base64(RaClient.issue(RaClient.demoCa(), BigInteger.ONE.shiftLeft(20 * 8 - 2),
                        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), email)),
                organisation, "Vingt", "Octets", email, "SERIAL-20"));
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void listOfAddressesIsRefusedAsHolderEmail() {
        assertHolderFieldRefused("holder.email", "a@x.example,b@y.example", "ID-1", "Brest");
    }

    @Test
    void addressWithLineBreakIsRefusedAsHolderEmail() {
        assertHolderFieldRefused("holder.email", "a@x.example\\r\\nBcc: b@y.example", "ID-1", "Brest");
    }

    @Test
    void identityDocumentNumberWithNulIsRefused() {
        assertHolderFieldRefused("holder.idDocumentNumber", "ok@example.test", "ID\\u00001", "Brest");
    }

    @Test
    void answerThatNormalisesToNothingIsRefused() {
        assertHolderFieldRefused("holder.questions[0].answer", "ok@example.test", "ID-1", " \\u0301\\u0301 ");
    }

    @Test
    void listOfAddressesIsRefusedAsRepresentativeEmail() {
        assertOrganisationRefused("legalRepresentative.email", "ORG-" + UUID.randomUUID().toString().toUpperCase(),
                "a@x.example,b@y.example");
    }

    @Test
    void identifierWithBracesIsRefused() {
        assertOrganisationRefused("identifier", "ORG-{" + UUID.randomUUID() + "}", "ok@example.test");
    }

    @Test
    void identifierWithLineBreakIsRefused() {
        assertOrganisationRefused("identifier", "ORG-A\\r\\nX-B", "ok@example.test");
    }

    @Test
    void identifierWithMarkupIsRefused() {
        assertOrganisationRefused("identifier", "<b>ORG</b>", "ok@example.test");
    }

    @Test
    void invalidityDateBeforeTheCertificateIsRefused() {
        Registered registered = RaClient.registerFreshHolder();
        assertRefusedChangingNothing("invalidityDate", () -> RaClient.post("/api/v1/certificates/demo-ca/"
                + registered.serial() + "/revocation", "{\"reason\": \"KEY_COMPROMISE\", \"invalidityDate\": \"1970-01-01T00:00:00Z\"}"));
        assertEquals("VALID", member(RaClient.get("/api/v1/certificates/demo-ca/" + registered.serial()).body(), "status"));
    }

    @Test
    void invalidityDateInTheFutureIsRefused() {
        Registered registered = RaClient.registerFreshHolder();
        assertRefusedChangingNothing("invalidityDate", () -> RaClient.post("/api/v1/certificates/demo-ca/"
                + registered.serial() + "/revocation", "{\"reason\": \"KEY_COMPROMISE\", \"invalidityDate\": \""
                + NOW.plus(Duration.ofDays(2)) + "\"}"));
    }

    @Test
    void expiredCertificateIsNotRevocableAndNotCalledRevoked() {
        String organisation = RaClient.newOrganisation();
        String email = "expired-" + UUID.randomUUID() + "@example.test";
        BigInteger serial = new BigInteger(125, new SecureRandom()).setBit(125);
        HttpResponse<String> registered = RaClient.post("/api/v1/certificates", RaClient.certificateJson(
                RaClient.base64(RaClient.issue(RaClient.demoCa(), serial, NOW.minus(Duration.ofDays(60)),
                        NOW.minus(Duration.ofDays(1)), email)), organisation, "Perime", "Porteur", email, "EXP-1"));
        assertEquals(201, registered.statusCode(), registered.body());
        String before = rows();
        HttpResponse<String> refused = RaClient.post("/api/v1/certificates/demo-ca/" + serial.toString(16) + "/revocation",
                "{\"reason\": \"KEY_COMPROMISE\"}");
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("urn:certrevoke:problem:not-revocable", member(refused.body(), "type"), refused.body());
        assertEquals("EXPIRED", member(refused.body(), "state"), refused.body());
        assertEquals(null, member(refused.body(), "revokedAt"), refused.body());
        assertEquals(before, rows());
    }

    private static void assertSerialRefused(BigInteger serial) {
        String organisation = RaClient.newOrganisation();
        String email = "serial-" + UUID.randomUUID() + "@example.test";
        String json = RaClient.certificateJson(RaClient.base64(RaClient.issue(RaClient.demoCa(), serial,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), email)), organisation, "Serie", "Fausse",
                email, "SERIAL-1");
        assertRefusedChangingNothing("certificate", () -> RaClient.post("/api/v1/certificates", json));
    }

    private static void assertHolderFieldRefused(String field, String email, String idDocument, String firstAnswer) {
        String organisation = RaClient.newOrganisation();
        String json = """
                {"certificate": "%s", "type": "SIGNATURE", "organisation": "%s",
                 "holder": {"firstName": "Anna", "lastName": "Refus", "email": "%s", "idDocumentNumber": "%s",
                            "questions": [{"question": "Ville de naissance", "answer": "%s"},
                                          {"question": "Heure de naissance", "answer": "5h20"},
                                          {"question": "Nom de votre grand-mère", "answer": "Le Roux"}]}}
                """.formatted(RaClient.base64(RaClient.issue(RaClient.demoCa(), "Anna Refus", "refus@example.test")),
                organisation, email, idDocument, firstAnswer);
        assertRefusedChangingNothing(field, () -> RaClient.post("/api/v1/certificates", json));
    }

    private static void assertOrganisationRefused(String field, String identifier, String email) {
        String json = """
                {"identifier": "%s", "name": "Refus",
                 "legalRepresentative": {"firstName": "Anna", "lastName": "Le Meur", "email": "%s"}}
                """.formatted(identifier, email);
        assertRefusedChangingNothing(field, () -> RaClient.post("/api/v1/organisations", json));
    }

    private static void assertRefusedChangingNothing(String field, Supplier<HttpResponse<String>> call) {
        String before = rows();
        HttpResponse<String> response = call.get();
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .replaceAll(";.*", ""), response.body());
        assertTrue(String.valueOf(member(response.body(), "detail")).contains(field), response.body());
        assertEquals(before, rows(), response.body());
    }

    private static String rows() {
        return RaClient.send(HttpRequest.newBuilder(URI.create(Server.url("/it/registry-rows"))).GET()).body();
    }
}
