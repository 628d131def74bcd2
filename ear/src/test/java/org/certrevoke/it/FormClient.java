package org.certrevoke.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor without a browser: its own cookies, the pages as HTML, and Faces forms posted the way the
 * browser would post them (every input of the form with the value the page gave it, the view state, the
 * PrimeFaces script nonce, the button pressed), or posted with whatever a test puts in their place. Fast
 * enough for thousands of requests where a browser would take an hour.
 */
public final class FormClient {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

    /** A page or any answer, its body as text. */
    public record Page(int status, String body, String contentType) {

        /** What the browser would post for the form: each input and select with the value the page gave it. */
        public Map<String, String> form(String formId) {
            Map<String, String> fields = new LinkedHashMap<>();
            int start = body.indexOf("id=\"" + formId + "\"");
            int end = start < 0 ? -1 : body.indexOf("</form>", start);
            String form = start < 0 || end < 0 ? body : body.substring(start, end);
            Matcher input = INPUT.matcher(form);
            while (input.find()) {
                String tag = input.group();
                String name = attribute(tag, "name");
                String type = attribute(tag, "type");
                if (name == null || "submit".equalsIgnoreCase(type) || "button".equalsIgnoreCase(type)
                        || "file".equalsIgnoreCase(type) || "image".equalsIgnoreCase(type)) {
                    continue;
                }
                boolean choice = "radio".equalsIgnoreCase(type) || "checkbox".equalsIgnoreCase(type);
                if (choice && fields.containsKey(name) && !tag.contains("checked")) {
                    continue;
                }
                String value = attribute(tag, "value");
                fields.put(name, value == null ? "" : value);
            }
            Matcher select = SELECT.matcher(form);
            while (select.find()) {
                String name = attribute("<select " + select.group(1) + ">", "name");
                Matcher option = OPTION.matcher(select.group(2));
                String value = null;
                while (option.find()) {
                    String optionValue = attribute("<option " + option.group(1) + ">", "value");
                    if (value == null || option.group(1).contains("selected")) {
                        value = optionValue == null ? "" : optionValue;
                    }
                }
                if (name != null) {
                    fields.put(name, value == null ? "" : value);
                }
            }
            fields.put(formId, formId);
            Matcher nonce = NONCE.matcher(body);
            if (nonce.find()) {
                fields.put("primefaces.nonce", nonce.group(1));
            }
            return fields;
        }

        /** The values a select offers, in order (the empty "choose" option included). */
        public java.util.List<String> options(String selectName) {
            Matcher select = SELECT.matcher(body);
            while (select.find()) {
                if (selectName.equals(attribute("<select " + select.group(1) + ">", "name"))) {
                    Matcher option = OPTION.matcher(select.group(2));
                    java.util.List<String> values = new java.util.ArrayList<>();
                    while (option.find()) {
                        String value = attribute("<option " + option.group(1) + ">", "value");
                        values.add(value == null ? "" : value);
                    }
                    return values;
                }
            }
            return java.util.List.of();
        }

        public boolean has(String inputName) {
            return body.contains("name=\"" + inputName + "\"");
        }
    }

    /** A download's bytes as they came, with the status and content type. */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(String path) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(Http.url(path)))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public Page get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(Http.url(path))).GET());
    }

    /** The form url-encoded, as a browser posts it. */
    public Page post(String path, Map<String, String> fields) throws IOException {
        return post(path, "application/x-www-form-urlencoded", urlEncoded(fields).getBytes(StandardCharsets.UTF_8));
    }

    public Page post(String path, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(Http.url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The form as multipart/form-data (for a form with a file input); {@code files} maps a name to a PDF's bytes. */
    public Page postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) throws IOException {
        String boundary = "----certrevoke" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Page send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Page(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return value.find() ? unescape(value.group(1)) : null;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
