package org.certrevoke.revocation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Input nobody should send: over-long and malformed fields, posts without or with a forged view
 * state, serials that are unknown or not the holder's. Each gets a clear message and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final String YANN = "yann.lebihan@garage-taillan.example";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void overLongFieldsPostedPastTheBrowserAreRefusedByTheServer() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(Server.url("/view/certificats/recherche.jsf"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertTrue(viewState.find(), "the page carries a view state");
        Matcher nonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page);
        assertTrue(nonce.find(), "the page carries its script nonce");
        HttpResponse<String> response = post(client, "/view/certificats/recherche.jsf", Map.of(
                "search", "search", "search:email", "a".repeat(300) + "@example.fr",
                "search:idDocument", "FR-1".repeat(30), "search:submit", "",
                "jakarta.faces.ViewState", viewState.group(1), "primefaces.nonce", nonce.group(1)));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Adresse e-mail invalide"), response.body());
        assertTrue(response.body().contains("Numéro de pièce d&#39;identité invalide")
                || response.body().contains("Numéro de pièce d'identité invalide"), response.body());
        assertFalse(response.body().contains("search:results"), "no search ran");
        assertNoStackTrace(response.body());
    }

    @Test
    void malformedAndBlankFieldsGetMessagesNextToThem() {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf")
                    .type("[id='search:email']", "pas-une-adresse")
                    .type("[id='search:idDocument']", "<script>")
                    .click("[id='search:submit']")
                    .screenshot("fr-bad-input");
            String page = browser.pageText();
            assertTrue(page.contains("Adresse e-mail invalide"), page);
            assertTrue(page.contains("Numéro de pièce d'identité invalide"), page);
            assertFalse(browser.present("[id='search:results']"));

            browser.type("[id='search:email']", "").type("[id='search:idDocument']", "").click("[id='search:submit']");
            page = browser.pageText();
            assertTrue(page.contains("Veuillez saisir l'adresse e-mail"), page);
            assertTrue(page.contains("Veuillez saisir le numéro de la pièce d'identité"), page);
        }
    }

    @Test
    void postsWithoutOrWithForgedViewStateChangeNothing() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> noState = post(client, "/view/certificats/recherche.jsf", Map.of(
                "search", "search", "search:email", YANN, "search:idDocument", "FR-987654321", "search:submit", ""));
        assertEquals(200, noState.statusCode());
        assertFalse(noState.body().contains("search:results"), "a post without view state runs no search");
        assertNoStackTrace(noState.body());

        String serial = yannsValidSerial();
        HttpResponse<String> forged = post(client, "/view/certificats/revocation.jsf?serial=" + serial, Map.of(
                "revocation", "revocation", "revocation:confirmRevocation", "",
                "jakarta.faces.ViewState", "-4242424242424242424:4242424242424242424"));
        assertTrue(forged.body().contains("Votre session a expiré ou le formulaire n'est plus valable"), forged.body());
        assertNoStackTrace(forged.body());

        try (Browser browser = new Browser()) {
            searchYann(browser);
            assertTrue(browser.text("[id='search:results']").contains("Valide"), "still valid after the forged post");
        }
    }

    @Test
    void serialsThatAreUnknownOrNotTheHoldersGetAClearMessage() {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/revocation.jsf?serial=abc123");
            assertTrue(browser.text("[id='revocation:messages']").contains("Veuillez d'abord rechercher votre certificat"));

            searchYann(browser);
            for (String serial : new String[] {"deadbeef", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "f".repeat(65), ""}) {
                browser.open("/view/certificats/revocation.jsf?serial=" + serial);
                assertTrue(browser.text("[id='revocation:messages']").contains("Ce certificat est introuvable"), serial);
                assertFalse(browser.present("[id='revocation:q:0:answer']"));
                assertFalse(browser.driver().getPageSource().contains("<script>alert"));
            }
            browser.screenshot("fr-unknown-serial");

            browser.open("/view/certificats/recherche.jsf")
                    .type("[id='search:email']", "claire.martin@garage-taillan.example")
                    .type("[id='search:idDocument']", "FR-123456789")
                    .click("[id='search:submit']");
            String clairesSerial = browser.find("[id='search:results'] .serial").getAttribute("title");
            searchYann(browser);
            browser.open("/view/certificats/revocation.jsf?serial=" + clairesSerial);
            assertTrue(browser.text("[id='revocation:messages']").contains("Ce certificat est introuvable"),
                    "another holder's certificate is answered like an unknown one");
        }
    }

    private static void searchYann(Browser browser) {
        browser.open("/view/certificats/recherche.jsf")
                .type("[id='search:email']", YANN)
                .type("[id='search:idDocument']", "FR-987654321")
                .choose("search:type", "Signature")
                .click("[id='search:submit']");
    }

    private static String yannsValidSerial() {
        try (Browser browser = new Browser()) {
            searchYann(browser);
            return browser.find("[id='search:results'] .serial").getAttribute("title");
        }
    }

    private static void assertNoStackTrace(String body) {
        assertFalse(body.contains("Caused by"), body);
        assertFalse(body.matches("(?s).*\\bat [a-z]+\\.[a-zA-Z.$]+\\([A-Za-z]+\\.java:\\d+\\).*"), body);
    }

    private static HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
