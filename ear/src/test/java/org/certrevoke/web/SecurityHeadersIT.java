package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.certrevoke.it.BackOffice;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Server;
import org.certrevoke.it.Staff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The headers and cookie flags every response must carry, read as a browser receives them: pages,
 * error pages, refusals, and what WildFly serves itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void pagesCarryTheSecurityHeadersAndAProtectedSessionCookie() throws Exception {
        HttpResponse<String> page = get("/view/certificats/recherche.jsf");
        assertEquals(200, page.statusCode());
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "one policy, else each would apply and the other would block the page's scripts: "
                + policies);
        String policy = policies.get(0);
        for (String directive : List.of("default-src 'self'", "img-src 'self'", "style-src 'self'", "font-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'")) {
            assertTrue(policy.contains(directive), directive + " in " + policy);
        }
        assertTrue(policy.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=]+'.*"), policy);
        assertTrue(page.body().contains("nonce=\"") || page.body().contains("PrimeFaces.csp.init"), "the page's scripts carry it");
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        String cookie = page.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void rootLeadsToTheHolderSearchAndPageSourcesAreNotServed() throws Exception {
        HttpResponse<String> root = get("/");
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/view/certificats/recherche.jsf"));
        HttpResponse<String> source = get("/view/certificats/recherche.xhtml");
        assertTrue(source.statusCode() == 403 || source.statusCode() == 404, "status " + source.statusCode());
        assertTrue(source.body().contains("Cette page n&#39;existe pas.") || source.body().contains("Cette page n'existe pas."),
                source.body());
        assertTrue(!source.body().contains("#{recherche"), "the Facelets source never leaves the server");
    }

    @Test
    void errorPagesRefusalsAndWildFlysOwnAnswersCarryTheHeadersToo() throws Exception {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("unknown page", get("/view/nulle-part.jsf"));
        answers.put("unknown path", get("/nulle/part"));
        answers.put("page source", get("/view/certificats/recherche.xhtml"));
        answers.put("unknown CRL", get("/crl/inconnue.crl"));
        answers.put("made-up view state", send(HttpRequest.newBuilder(URI.create(Server.url("/view/certificats/recherche.jsf")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("search=search&search%3Asubmit=&jakarta.faces.ViewState=1%3A2"))));
        answers.put("OpenAPI document", get("/openapi"));
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            HttpResponse<String> response = answer.getValue();
            String what = answer.getKey() + " (" + response.statusCode() + ")";
            List<String> policies = response.headers().allValues("Content-Security-Policy");
            assertEquals(1, policies.size(), what + ": " + policies);
            assertTrue(policies.get(0).contains("default-src") && policies.get(0).contains("frame-ancestors 'none'"),
                    what + ": " + policies);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), what);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), what);
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), what);
        }
        assertEquals(404, answers.get("unknown page").statusCode());
        assertEquals(400, answers.get("made-up view state").statusCode());
        assertEquals(200, answers.get("OpenAPI document").statusCode());
    }

    @Test
    void pageSourcesLeadNowhereEvenWhereAPathConstraintIsWeakerThanThePagesOwn() {
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.AUDITOR_LOGIN, Staff.AUDITOR_PASSWORD).find("[id='staffBar:logout']");
            browser.open("/backoffice/certificats.xhtml").find("#error-message");
            assertTrue(browser.pageText().contains("Cette page n'existe pas."), browser.pageText());
            assertFalse(browser.present("[id='search:serial']"), "an auditor never sees the operators' search");
            browser.open("/backoffice/certificats.jsf").find("#error-message");
            assertFalse(browser.present("[id='search:serial']"), "nor under its own name");
        }
    }

    @Test
    void overHttpsTheSessionCookieIsSecure() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        int port = 8443 + Integer.getInteger("it.port.offset", 100);
        HttpsURLConnection connection = (HttpsURLConnection) URI.create("https://localhost:" + port
                + "/view/certificats/recherche.jsf").toURL().openConnection();
        connection.setSSLSocketFactory(trustAll.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        assertEquals(200, connection.getResponseCode());
        String cookie = connection.getHeaderField("Set-Cookie");
        connection.disconnect();
        assertTrue(cookie != null && cookie.startsWith("JSESSIONID="), String.valueOf(cookie));
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Server.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
