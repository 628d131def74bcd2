package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The headers and cookie flags every page must carry, read as a browser receives them. */
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
        assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), policies.toString());
        assertTrue(policies.stream().anyMatch(p -> p.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=]+'.*")), policies.toString());
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
        assertTrue(!source.body().contains("#{recherche"), "the Facelets source never leaves the server");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Server.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
