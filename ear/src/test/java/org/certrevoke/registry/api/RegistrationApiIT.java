package org.certrevoke.registry.api;

import static org.certrevoke.it.RaClient.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.HolderFlow;
import org.certrevoke.it.Mails;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.RaClient.Registered;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registration-authority API over HTTP, as the CA's issuing system calls it; mails in GreenMail. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationApiIT {

    private static final Pattern CODE = Pattern.compile("\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anonymousCallIsRefusedWithProblem() {
        HttpResponse<String> response = RaClient.send(RaClient.request("/api/v1/certificates/demo-ca/01", null).GET());
        assertProblem(401, "unauthorized", response);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void wrongKeyIsRefusedWithProblem() {
        assertProblem(401, "unauthorized", RaClient.send(RaClient.request("/api/v1/organisations", "Bearer not-our-key")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))));
    }

    @Test
    void organisationGetsAnAccessKeyOnceAndCanHaveItReplaced() {
        String identifier = "RA-ORG-" + System.nanoTime();
        HttpResponse<String> created = RaClient.post("/api/v1/organisations", """
                {"identifier": "%s", "name": "Crêperie Test",
                 "legalRepresentative": {"firstName": "Anna", "lastName": "Le Meur", "email": "anna@example.test"}}
                """.formatted(identifier));
        assertEquals(201, created.statusCode(), created.body());
        String first = member(created.body(), "accessKey");
        assertTrue(first.matches("\\d{20}"), created.body());
        assertEquals(identifier, member(created.body(), "identifier"));

        HttpResponse<String> replaced = RaClient.post("/api/v1/organisations/" + identifier + "/access-key", "");
        assertEquals(200, replaced.statusCode(), replaced.body());
        String second = member(replaced.body(), "accessKey");
        assertTrue(second.matches("\\d{20}"));
        assertNotEquals(first, second);
    }

    @Test
    void secondOrganisationWithSameIdentifierIsRefused() {
        String identifier = RaClient.newOrganisation();
        assertProblem(409, "duplicate-organisation", RaClient.post("/api/v1/organisations", """
                {"identifier": "%s", "name": "Encore",
                 "legalRepresentative": {"firstName": "A", "lastName": "B", "email": "a@example.test"}}
                """.formatted(identifier)));
    }

    @Test
    void unknownOrganisationGetsNoAccessKey() {
        assertProblem(422, "unknown-organisation", RaClient.post("/api/v1/organisations/NO-SUCH-ORG/access-key", ""));
    }

    @Test
    void registeredCertificateIsAnsweredWithItsUrlAndItsCodeGoesOnlyByMail() {
        Registered registered = RaClient.registerFreshHolder();
        String body = registered.response().body();
        assertEquals(registered.serial(), member(body, "serial"));
        assertEquals("VALID", member(body, "status"));
        String url = member(body, "url");
        assertTrue(url.endsWith("/api/v1/certificates/demo-ca/" + registered.serial()), body);
        assertFalse(CODE.matcher(body).find(), "the answer never carries the cancellation code: " + body);

        String toHolder = Mails.cancellationCode(greenMail, registered.email(), registered.serial());
        String toRepresentative = Mails.cancellationCode(greenMail, registered.representativeEmail(), registered.serial());
        assertEquals(toHolder, toRepresentative);

        HttpResponse<String> status = RaClient.get("/api/v1/certificates/demo-ca/" + registered.serial());
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("VALID", member(status.body(), "status"));
    }

    @Test
    void certificateGivenAsPemIsAccepted() {
        String organisation = RaClient.newOrganisation();
        X509Certificate certificate = RaClient.issue(RaClient.demoCa(), "Pem Holder", "pem@example.test");
        String pem = "-----BEGIN CERTIFICATE-----\\n" + RaClient.base64(certificate) + "\\n-----END CERTIFICATE-----\\n";
        HttpResponse<String> response = RaClient.post("/api/v1/certificates",
                RaClient.certificateJson(pem, organisation, "Pem", "Holder", "pem-" + System.nanoTime() + "@example.test", "PEM-1"));
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void malformedPemIsRefused() {
        String organisation = RaClient.newOrganisation();
        assertProblem(400, "malformed-certificate", RaClient.post("/api/v1/certificates", RaClient.certificateJson(
                "-----BEGIN CERTIFICATE-----\\nnot base64 at all!\\n-----END CERTIFICATE-----", organisation,
                "A", "B", "malformed@example.test", "X-1")));
    }

    @Test
    void certificateOfUnknownCaIsRefused() {
        DemoPki stranger = DemoPki.createCa("CN=Stranger CA,O=elsewhere,C=FR", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)));
        String organisation = RaClient.newOrganisation();
        assertProblem(422, "unknown-issuer", RaClient.post("/api/v1/certificates", RaClient.certificateJson(
                RaClient.base64(RaClient.issue(stranger, "Someone", "someone@example.test")), organisation,
                "A", "B", "unknown-ca@example.test", "X-2")));
    }

    @Test
    void certificateWithBadSignatureIsRefused() {
        X509Certificate demoCa = RaClient.demoCa().certificate();
        DemoPki impostor = DemoPki.createCa(X500Name.getInstance(demoCa.getSubjectX500Principal().getEncoded()).toString(),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        String organisation = RaClient.newOrganisation();
        assertProblem(422, "bad-signature", RaClient.post("/api/v1/certificates", RaClient.certificateJson(
                RaClient.base64(RaClient.issue(impostor, "Forged", "forged@example.test")), organisation,
                "A", "B", "forged@example.test", "X-3")));
    }

    @Test
    void sameCertificateTwiceIsRefused() {
        String organisation = RaClient.newOrganisation();
        String certificate = RaClient.base64(RaClient.issue(RaClient.demoCa(), "Twice", "twice@example.test"));
        String json = RaClient.certificateJson(certificate, organisation, "Twice", "Holder", "twice@example.test", "X-4");
        assertEquals(201, RaClient.post("/api/v1/certificates", json).statusCode());
        assertProblem(409, "duplicate-certificate", RaClient.post("/api/v1/certificates", json));
    }

    @Test
    void missingFieldIsNamedInTheRefusal() {
        HttpResponse<String> response = RaClient.post("/api/v1/certificates", """
                {"type": "SIGNATURE", "organisation": "ORG-TAILLAN"}
                """);
        assertProblem(400, "missing-field", response);
        assertTrue(member(response.body(), "detail").contains("certificate"), response.body());
        assertTrue(member(response.body(), "detail").contains("holder"), response.body());
    }

    @Test
    void oneMegabyteBodyIsRefused() {
        String huge = "{\"certificate\": \"" + "A".repeat(1024 * 1024) + "\"}";
        assertProblem(413, "body-too-large", RaClient.post("/api/v1/certificates", huge));
    }

    @Test
    void unreadableJsonIsRefused() {
        assertProblem(400, "malformed-json", RaClient.post("/api/v1/certificates", "{not json"));
    }

    @Test
    void unknownCertificateHasNoStatus() {
        assertProblem(404, "unknown-certificate", RaClient.get("/api/v1/certificates/demo-ca/123456789abcdef"));
    }

    @Test
    void caRevokesOnceAndIsToldOfTheExistingRevocationTheSecondTime() {
        Registered registered = RaClient.registerFreshHolder();
        String path = "/api/v1/certificates/demo-ca/" + registered.serial() + "/revocation";
        String invalidSince = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)).toString();
        HttpResponse<String> revoked = RaClient.post(path,
                "{\"reason\": \"KEY_COMPROMISE\", \"invalidityDate\": \"" + invalidSince + "\"}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("REVOKED", member(revoked.body(), "status"));
        assertEquals("1", member(revoked.body(), "crlReason"));
        assertNotNull(member(revoked.body(), "revokedAt"));
        assertEquals(invalidSince, member(revoked.body(), "invalidityDate"));

        HttpResponse<String> again = RaClient.post(path, "{\"reason\": \"SUPERSEDED\"}");
        assertProblem(400, "invalid-field", again);
        HttpResponse<String> second = RaClient.post(path, "{\"reason\": \"CERTIFICATE_REPLACEMENT\"}");
        assertProblem(409, "already-revoked", second);
        assertEquals(member(revoked.body(), "revokedAt"), member(second.body(), "revokedAt"));
        assertEquals("KEY_COMPROMISE", member(second.body(), "reason"));

        HttpResponse<String> status = RaClient.get("/api/v1/certificates/demo-ca/" + registered.serial());
        assertEquals("REVOKED", member(status.body(), "status"));
        List<Mails.Received> mails = Mails.waitFor(greenMail, registered.email(),
                mail -> mail.subject().contains("révoqué"), Duration.ofSeconds(30));
        assertEquals(1, mails.size());
        assertFalse(mails.get(0).body().contains("''"), "no doubled apostrophe: " + mails.get(0).body());
        assertTrue(mails.get(0).body().contains("Requested by: the registration authority"), mails.get(0).body());
    }

    @Test
    void revocationOfUnknownCertificateIsRefused() {
        assertProblem(404, "unknown-certificate", RaClient.post("/api/v1/certificates/demo-ca/abcdef0123/revocation",
                "{\"reason\": \"KEY_COMPROMISE\"}"));
    }

    @Test
    void certificateRegisteredThroughTheApiIsRevokedByItsHolderWithHisAnswers() {
        Registered registered = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            String serial = HolderFlow.revoke(browser, registered.email(), registered.idDocumentNumber(), "Signature",
                    "Demande du titulaire", RaClient.ANSWERS.toArray(String[]::new));
            assertEquals(registered.serial(), serial);
        }
        assertEquals("REVOKED", member(RaClient.get("/api/v1/certificates/demo-ca/" + registered.serial()).body(), "status"));
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        HttpResponse<String> response = RaClient.send(RaClient.request("/openapi", null).GET());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("/api/v1/certificates"), response.body());
    }


    private static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .replaceAll(";.*", ""), response.body());
        assertEquals("urn:certrevoke:problem:" + type, member(response.body(), "type"), response.body());
        assertEquals(String.valueOf(status), member(response.body(), "status"), response.body());
    }
}
