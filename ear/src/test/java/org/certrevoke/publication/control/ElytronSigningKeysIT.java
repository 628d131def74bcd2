package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.it.Crls;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.registry.boundary.Registry;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production way to give a CA its key: the admin puts the key entry, under the CA's alias, in a PKCS#12
 * key store and declares it in WildFly as an Elytron key-store and key-manager. Runs in the server and
 * configures it through its management API, then removes what it added.
 */
@ExtendWith(ArquillianExtension.class)
class ElytronSigningKeysIT {

    private static final String NAME = "certrevoke-signing";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ElytronSigningKeysIT.class, Http.class, Crls.class);
    }

    @Inject
    Registry registry;

    @Inject
    SigningKeys signingKeys;

    @Test
    void aCaKeyAddedToTheElytronKeyManagerSignsItsCrlAndTurnsItsHealthUp() throws Exception {
        String alias = "it-elytron-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        DemoPki ca = DemoPki.createCa("CN=IT Elytron CA " + alias + ",O=certrevoke IT,C=FR",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        CertificateAuthority authority = registry.registerAuthority(alias, ca.certificate().getEncoded());

        assertTrue(signingKeys.of(authority).isEmpty(), "no key yet");
        JsonObject before = signingKeysHealth();
        assertEquals("DOWN", before.getString("status"), before.toString());
        assertEquals("no usable key", before.getJsonObject("data").getString(alias), before.toString());

        String password = UUID.randomUUID().toString();
        Path keyStore = Files.createTempFile("signing", ".p12");
        Files.write(keyStore, pkcs12(ca, alias, password.toCharArray()));
        try (ModelControllerClient management = ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(),
                Integer.getInteger("it.management.port"))) {
            ModelNode store = operation("add", "key-store");
            store.get("path").set(keyStore.toString());
            store.get("type").set("PKCS12");
            store.get("credential-reference").get("clear-text").set(password);
            execute(management, store);
            ModelNode manager = operation("add", "key-manager");
            manager.get("key-store").set(NAME);
            manager.get("algorithm").set("SunX509");
            manager.get("credential-reference").get("clear-text").set(password);
            execute(management, manager);
            try {
                assertTrue(signingKeys.of(authority).isPresent(), "the key manager's entry is used");
                JsonObject after = signingKeysHealth();
                assertTrue(after.getJsonObject("data").getString(alias).startsWith("ready; CA certificate until"),
                        after.toString());

                X509CRL crl = Crls.parse(Crls.await(alias, published -> true, Duration.ofSeconds(60)));
                crl.verify(ca.certificate().getPublicKey());
                assertEquals(ca.certificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
            } finally {
                execute(management, operation("remove", "key-manager"));
                execute(management, operation("remove", "key-store"));
                Files.delete(keyStore);
            }
        }
        assertFalse(Files.exists(keyStore));
    }

    private static byte[] pkcs12(DemoPki ca, String alias, char[] password) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(alias, ca.privateKey(), password, new Certificate[] {ca.certificate()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        keyStore.store(out, password);
        return out.toByteArray();
    }

    /** The signing-keys check as WildFly's health endpoint on the management interface reports it. */
    private static JsonObject signingKeysHealth() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Integer.getInteger("it.management.port")
                + "/health/ready")).timeout(Duration.ofSeconds(30)).GET().build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> "signing-keys".equals(check.getString("name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no signing-keys check in " + body));
        }
    }

    private static ModelNode operation(String name, String type) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("subsystem", "elytron").add(type, NAME);
        return operation;
    }

    private static void execute(ModelControllerClient management, ModelNode operation) throws Exception {
        ModelNode result = management.execute(operation);
        assertEquals("success", result.get("outcome").asString(), result.get("failure-description").asString());
    }
}
