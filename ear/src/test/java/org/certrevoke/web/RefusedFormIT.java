package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.PagePost;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forms that can no longer be posted (made-up view states, an expired session): a 400 with the page
 * that says so, in the visitor's language (an Ajax post is sent to that page), and about one short
 * line of server log per request, since anyone can send them as fast as he likes, without a session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefusedFormIT {

    private static final int POSTS = 50;
    private static final long LOG_BYTES_PER_POST = 300;
    private static final String FRENCH = "Votre session a expiré ou le formulaire n";
    private static final String ENGLISH = "Your session has expired or the form is no longer valid";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LOG_ENTRY = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} ");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void madeUpViewStatesAreAnswered400WithOneShortLogLineEach() throws Exception {
        assertRefused(post(madeUpSearch(false)), FRENCH);
        Path log = serverLog();
        long before = Files.size(log);
        for (int i = 0; i < POSTS; i++) {
            assertRefused(post(madeUpSearch(false)), FRENCH);
        }
        String tail = requestThreadsLog(log, before);
        long perPost = tail.getBytes(StandardCharsets.UTF_8).length / POSTS;
        System.out.printf("RefusedFormIT: %d bytes of server log per made-up view state%n", perPost);
        assertTrue(perPost <= LOG_BYTES_PER_POST, perPost + " bytes of log per refused post");
        assertFalse(tail.contains("\tat "), "no stack trace: " + tail.substring(0, Math.min(tail.length(), 2000)));
        assertTrue(tail.contains("WARN") && tail.contains("Refused form post to /view/certificats/recherche.jsf"), tail);
    }

    @Test
    void madeUpViewStatesInAjaxAreSentToThePageWithoutStackTraces() throws Exception {
        Path log = serverLog();
        long before = Files.size(log);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = post(madeUpSearch(true));
            assertEquals(200, response.statusCode(), "the browser's Ajax code follows only a successful answer");
            assertTrue(response.body().contains("<redirect url=\"/erreur/session.jsf\""), response.body());
        }
        long perPost = requestThreadsLog(log, before).getBytes(StandardCharsets.UTF_8).length / 10;
        System.out.printf("RefusedFormIT: %d bytes of server log per made-up view state in Ajax%n", perPost);
        assertTrue(perPost <= LOG_BYTES_PER_POST, perPost + " bytes of log per refused Ajax post");
    }

    @Test
    void theRefusalSpeaksTheVisitorsLanguageAndAnExpiredSessionIsRefusedAlike() {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf").click("[id='language:en']").find("[id='search:email']");
            PagePost search = PagePost.of(browser, "search:submit");
            assertRefused(search.withViewState(madeUpViewState()), ENGLISH);
            assertRefused(search.withoutSession(), FRENCH);
            assertEquals(200, search.withPageNonce().statusCode(), "the same post with the page's state is accepted");
        }
    }

    private static void assertRefused(HttpResponse<String> response, String text) {
        assertEquals(400, response.statusCode());
        String body = response.body().replace("&#39;", "'");
        assertTrue(body.contains(text), body);
        assertFalse(body.contains("Caused by") || body.matches("(?s).*\\bat [a-z]+\\.[a-zA-Z.$]+\\([A-Za-z]+\\.java:\\d+\\).*"),
                body);
    }

    private static Map<String, String> madeUpSearch(boolean ajax) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("search", "search");
        form.put("search:email", "nobody@example.test");
        form.put("search:idDocument", "FR-000000001");
        form.put("jakarta.faces.ViewState", madeUpViewState());
        if (ajax) {
            form.put("jakarta.faces.partial.ajax", "true");
            form.put("jakarta.faces.source", "search:submit");
            form.put("jakarta.faces.partial.execute", "@all");
            form.put("search:submit", "search:submit");
        } else {
            form.put("search:submit", "");
        }
        return form;
    }

    private static String madeUpViewState() {
        return RANDOM.nextLong() + ":" + RANDOM.nextLong();
    }

    /**
     * What the request threads logged since {@code offset}: each entry with its continuation lines. The
     * server's own background work (a CRL look just after the deployment, say) logs meanwhile and is not
     * the posts' doing.
     */
    private static String requestThreadsLog(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String tail = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        boolean keeping = false;
        for (String line : tail.split("\n", -1)) {
            if (LOG_ENTRY.matcher(line).lookingAt()) {
                keeping = line.contains("(default task-");
            }
            if (keeping) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static Path serverLog() {
        return Path.of(System.getProperty("it.server.base"), "log", "server.log");
    }

    private static HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Server.url("/view/certificats/recherche.jsf")))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (form.containsKey("jakarta.faces.partial.ajax")) {
            request.header("Faces-Request", "partial/ajax");
        }
        return HttpClient.newHttpClient().send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
