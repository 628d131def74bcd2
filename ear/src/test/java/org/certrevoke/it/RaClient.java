package org.certrevoke.it;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.demo.control.IssueRequest;
import org.certrevoke.registry.entity.CertificateType;

/**
 * The CA's issuing system as the tests play it: issues certificates with the test server's demo CA
 * (its key is in the server's data directory) and registers them through the API with the demo key.
 */
public final class RaClient {

    public static final String DEMO_KEY = "certrevoke-demo-ra-key-2026";
    public static final List<String> ANSWERS = List.of("Douarnenez", "5h20", "Le Roux");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RaClient() {
    }

    /** A fresh organisation and holder, with a certificate issued by the demo CA, registered through the API. */
    public record Registered(String organisation, String representativeEmail, String firstName, String lastName,
                             String email, String idDocumentNumber, String serial, HttpResponse<String> response) {

        public String holderName() {
            return firstName + " " + lastName;
        }
    }

    public static DemoPki demoCa() {
        try {
            String shared = System.getProperty("it.demo-ca");
            Path keyStore = shared != null ? Path.of(shared)
                    : Path.of(System.getProperty("it.server.base"), "data", "certrevoke", "demo-ca.p12");
            return DemoPki.load(Files.readAllBytes(keyStore), "demo".toCharArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate issue(DemoPki ca, String commonName, String email) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return ca.issue(new IssueRequest(commonName, "certrevoke IT", email, CertificateType.SIGNATURE,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), null));
    }

    /**
     * A certificate of {@code ca} with the serial and validity the test chooses, such as a negative or
     * over-long serial that no conforming CA issues but a broken one might.
     */
    public static X509Certificate issue(DemoPki ca, BigInteger serial, Instant notBefore, Instant notAfter, String email) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair holder = generator.generateKeyPair();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial,
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=Serial Test,O=certrevoke IT,C=FR"),
                    holder.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newOrganisation() {
        String identifier = "RA-" + UUID.randomUUID().toString().toUpperCase();
        HttpResponse<String> response = post("/api/v1/organisations", """
                {"identifier": "%s", "name": "Organisation %s",
                 "legalRepresentative": {"firstName": "Nolwenn", "lastName": "Représentante", "email": "%s"}}
                """.formatted(identifier, identifier, representativeOf(identifier)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return identifier;
    }

    public static String representativeOf(String organisation) {
        return "rep-" + organisation.toLowerCase() + "@example.test";
    }

    /** Registers a new holder of a new organisation with a certificate of the demo CA. */
    public static Registered registerFreshHolder() {
        String organisation = newOrganisation();
        String unique = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String email = "ra-" + unique + "@example.test";
        String lastName = "Kervella" + unique;
        X509Certificate certificate = issue(demoCa(), "Mael " + lastName, email);
        String idDocument = "RA-" + unique;
        HttpResponse<String> response = post("/api/v1/certificates",
                certificateJson(base64(certificate), organisation, "Mael", lastName, email, idDocument));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return new Registered(organisation, representativeOf(organisation), "Mael", lastName, email, idDocument,
                certificate.getSerialNumber().toString(16), response);
    }

    public static String certificateJson(String certificate, String organisation, String firstName, String lastName,
                                         String email, String idDocument) {
        return """
                {"certificate": "%s", "type": "SIGNATURE", "organisation": "%s",
                 "holder": {"firstName": "%s", "lastName": "%s", "email": "%s", "idDocumentNumber": "%s",
                            "establishment": "Siège", "service": "Essais", "function": "Testeur",
                            "questions": [{"question": "Ville de naissance", "answer": "%s"},
                                          {"question": "Heure de naissance", "answer": "%s"},
                                          {"question": "Nom de votre grand-mère", "answer": "%s"}]}}
                """.formatted(certificate, organisation, firstName, lastName, email, idDocument,
                ANSWERS.get(0), ANSWERS.get(1), ANSWERS.get(2));
    }

    public static HttpResponse<String> post(String path, String json) {
        return send(request(path, "Bearer " + DEMO_KEY).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static HttpResponse<String> get(String path) {
        return send(request(path, "Bearer " + DEMO_KEY).GET());
    }

    public static HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Server.url(path)))
                .header("Content-Type", "application/json");
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A top-level string or number member of a JSON answer; enough for these flat documents. */
    public static String member(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|[-0-9]+)").matcher(json);
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }
}
