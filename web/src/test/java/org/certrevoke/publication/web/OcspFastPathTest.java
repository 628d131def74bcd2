package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fast path on a real Undertow with a servlet standing for {@link OcspEndpoint}, registered as WildFly
 * finds it: what it answers on the I/O thread, what it hands to the servlet with the body intact, and that a
 * failure ends the request.
 */
class OcspFastPathTest {

    private static final int MAX_REQUEST_BYTES = 100;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger ASKED = new AtomicInteger();
    private static volatile Function<byte[], byte[]> fromMemory;
    private static Undertow server;
    private static String url;

    /** Answers "servlet:" followed by the body it read. */
    public static class Endpoint extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = request.getInputStream().readAllBytes();
            response.setContentType("text/plain");
            response.getOutputStream().write(("servlet:" + new String(body, StandardCharsets.US_ASCII))
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        DeploymentInfo deployment = Servlets.deployment().setClassLoader(OcspFastPathTest.class.getClassLoader())
                .setContextPath("/").setDeploymentName("ocsp-fast-path")
                .addServlet(Servlets.servlet("endpoint", Endpoint.class).addMapping("/ocsp").addMapping("/ocsp/*"));
        // the fast path comes in through its META-INF/services registration, as in WildFly
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        ServletContext context = manager.getDeployment().getServletContext();
        Function<byte[], byte[]> asked = body -> {
            ASKED.incrementAndGet();
            return fromMemory.apply(body);
        };
        context.setAttribute(OcspFastPath.FROM_MEMORY, asked);
        context.setAttribute(OcspFastPath.MAX_REQUEST_BYTES, MAX_REQUEST_BYTES);
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(manager.start()).build();
        server.start();
        url = "http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        ASKED.set(0);
    }

    @Test
    void answersFromMemoryWithoutTheServlet() throws Exception {
        fromMemory = body -> ("memory:" + new String(body, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<byte[]> response = post("/ocsp", "request");

        assertEquals(200, response.statusCode());
        assertEquals("application/ocsp-response", response.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals("memory:request".getBytes(StandardCharsets.US_ASCII), response.body());
    }

    @Test
    void handsTheRequestWithItsBodyToTheServletWhenMemoryHasNoAnswer() throws Exception {
        fromMemory = body -> null;

        HttpResponse<byte[]> response = post("/ocsp", "needs the database");

        assertEquals(200, response.statusCode());
        assertEquals("servlet:needs the database", new String(response.body(), StandardCharsets.US_ASCII));
        assertEquals(1, ASKED.get());
    }

    @Test
    void endsTheRequestWithAServerErrorWhenAnsweringFails() throws Exception {
        fromMemory = body -> {
            throw new IllegalStateException("test failure");
        };

        HttpResponse<byte[]> response = post("/ocsp", "request");

        assertEquals(500, response.statusCode());
    }

    @Test
    void leavesLargeBodiesOtherPathsAndGetRequestsToTheServlet() throws Exception {
        fromMemory = body -> "memory".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<byte[]> large = post("/ocsp", "x".repeat(MAX_REQUEST_BYTES + 1));
        HttpResponse<byte[]> otherPath = post("/ocsp/more", "request");
        HttpResponse<byte[]> get = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/ocsp/MAo="))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals("servlet:" + "x".repeat(MAX_REQUEST_BYTES + 1), new String(large.body(), StandardCharsets.US_ASCII));
        assertEquals("servlet:request", new String(otherPath.body(), StandardCharsets.US_ASCII));
        assertEquals("servlet:", new String(get.body(), StandardCharsets.US_ASCII));
        assertEquals(0, ASKED.get());
    }

    private static HttpResponse<byte[]> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
