package org.certrevoke.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.LoadedRegistry;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A holder the data loader wrote is one like any other: the search page finds them by e-mail and ID
 * number (looked up under the server's key), the answers listed with the set prove them, and the
 * revocation goes through to the registry's status.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadedRegistryIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.withDataLoader(Deployments.earWithWebClasses(LoadedRegistry.class));
    }

    @Test
    void loadedHolderIsFoundProvenAndRevokedThroughThePages() throws Exception {
        String prefix = "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);
        HttpResponse<String> loaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Server.url("/it/loaded-registry?certificates=100&prefix=" + prefix)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, loaded.statusCode(), loaded.body());
        List<String> lines = loaded.body().lines().toList();
        String[] holder = lines.get(1).split(",");
        String[] secrets = lines.get(lines.size() - 1).split(",");
        String email = holder[0];
        String serial = holder[5];
        assertEquals("VALID", status(serial));

        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf")
                    .type("[id='search:email']", email)
                    .type("[id='search:idDocument']", holder[1])
                    .click("[id='search:submit']");
            assertTrue(browser.find("[id='search:results'] .serial[title='" + serial + "']").isDisplayed());
            browser.screenshot("loaded-holder-found")
                    .click("tr:has(.serial[title='" + serial + "']) .revoke-link")
                    .find("[id='revocation:q:0:answer']");
            for (int i = 0; i < 3; i++) {
                browser.type("[id='revocation:q:" + i + ":answer']", secrets[i]);
            }
            browser.choose("revocation:reason", "Remplacement du certificat")
                    .click("[id='revocation:next']")
                    .click("[id='revocation:confirmRevocation']");
            assertEquals(serial, browser.find("#revokedSerial").getText().strip().toLowerCase(Locale.ROOT));
        }
        assertEquals("REVOKED", status(serial));
    }

    private static String status(String serial) {
        HttpResponse<String> answer = RaClient.get("/api/v1/certificates/demo-ca/" + serial);
        assertEquals(200, answer.statusCode(), answer.body());
        return RaClient.member(answer.body(), "status");
    }
}
