package org.certrevoke.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the public pages without a browser: its own cookies (so its own session), the view
 * state and script nonce of the last page it opened posted back with its form, as the browser would.
 * Cheap enough to open thirty of them and fire their posts together.
 */
public final class PageSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String[] headers;
    private String viewState;
    private String nonce;

    /** A visitor of the test server. */
    public PageSession() {
        this(null);
    }

    /** A visitor of the server at {@code baseUrl} (null: the test server), sending {@code headers} with each request. */
    public PageSession(String baseUrl, String... headers) {
        this.baseUrl = baseUrl;
        this.headers = headers.clone();
    }

    public String open(String path) {
        String page = send(HttpRequest.newBuilder(URI.create(url(path))).GET());
        Matcher state = VIEW_STATE.matcher(page);
        viewState = state.find() ? state.group(1) : null;
        Matcher script = NONCE.matcher(page);
        nonce = script.find() ? script.group(1) : null;
        return page;
    }

    /** Posts the form of the page last opened, with its view state: the fields are the form's own. */
    public String post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        if (nonce != null) {
            form.put("primefaces.nonce", nonce);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String url(String path) {
        return baseUrl == null ? Http.url(path) : baseUrl + path;
    }

    private String send(HttpRequest.Builder request) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
