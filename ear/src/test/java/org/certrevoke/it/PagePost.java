package org.certrevoke.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The post a button of the page shown in a browser would send (every field of its form, the button
 * as a plain, non-Ajax submit), sent by a test with the browser's session and whatever script nonce
 * the test chooses: the page's own, another one, or none.
 */
public final class PagePost {

    /** A nonce PrimeFaces itself would accept the form of (base64 of a UUID), but not this view's. */
    public static final String FOREIGN_NONCE =
            Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));

    private static final String NONCE = "primefaces.nonce";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String action;
    private final List<Map.Entry<String, String>> fields;
    private final String sessionId;
    private final String pageNonce;

    private PagePost(String action, List<Map.Entry<String, String>> fields, String sessionId, String pageNonce) {
        this.action = action;
        this.fields = fields;
        this.sessionId = sessionId;
        this.pageNonce = pageNonce;
    }

    /** The post of the button with that client id, read from the page the browser shows now. */
    @SuppressWarnings("unchecked")
    public static PagePost of(Browser browser, String buttonId) {
        browser.find("[id='" + buttonId + "']");
        Map<String, Object> form = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(
                "const button = document.getElementById(arguments[0]);"
                        + "const form = button.form || button.closest('form');"
                        + "const fields = [];"
                        + "for (const e of form.elements) {"
                        + "  if (!e.name || e.disabled || e.type === 'file' || e.type === 'submit' || e.type === 'button'"
                        + "      || e.tagName === 'BUTTON' || ((e.type === 'checkbox' || e.type === 'radio') && !e.checked)) continue;"
                        + "  fields.push([e.name, e.value]);"
                        + "}"
                        + "return {action: form.action, fields: fields, nonce: window.PrimeFaces ? PrimeFaces.csp.NONCE_VALUE : null};",
                buttonId);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Object field : (List<Object>) form.get("fields")) {
            List<Object> pair = (List<Object>) field;
            if (!NONCE.equals(pair.get(0))) {
                fields.add(Map.entry((String) pair.get(0), String.valueOf(pair.get(1))));
            }
        }
        fields.add(Map.entry(buttonId, ""));
        return new PagePost((String) form.get("action"), List.copyOf(fields),
                browser.driver().manage().getCookieNamed("JSESSIONID").getValue(), (String) form.get("nonce"));
    }

    public HttpResponse<String> withoutNonce() {
        return send(fields);
    }

    public HttpResponse<String> withNonce(String nonce) {
        List<Map.Entry<String, String>> withNonce = new ArrayList<>(fields);
        withNonce.add(Map.entry(NONCE, nonce));
        return send(withNonce);
    }

    /** The post as the page itself would send it. */
    public HttpResponse<String> withPageNonce() {
        if (pageNonce == null) {
            throw new AssertionError("the page has no script nonce");
        }
        return withNonce(pageNonce);
    }

    /** The same post with another view state. */
    public HttpResponse<String> withViewState(String viewState) {
        List<Map.Entry<String, String>> changed = fields.stream()
                .map(field -> field.getKey().equals("jakarta.faces.ViewState") ? Map.entry(field.getKey(), viewState) : field)
                .collect(Collectors.toCollection(ArrayList::new));
        changed.add(Map.entry(NONCE, pageNonce));
        return send(changed);
    }

    /** The post as the page would send it, from a visitor whose session is gone. */
    public HttpResponse<String> withoutSession() {
        List<Map.Entry<String, String>> withNonce = new ArrayList<>(fields);
        withNonce.add(Map.entry(NONCE, pageNonce));
        return send(withNonce, null);
    }

    private HttpResponse<String> send(List<Map.Entry<String, String>> form) {
        return send(form, sessionId);
    }

    private HttpResponse<String> send(List<Map.Entry<String, String>> form, String session) {
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        try {
            return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
