package org.certrevoke.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster the tests run against, started once per test run by {@code cluster/cluster.sh} as a newcomer
 * would start it: two servers of the build's WildFly on standalone-ha.xml, both on the test database, and HAProxy
 * in front on {@code it.http.port}; stopped when the test JVM ends. Servers are reached one by one too, and one of
 * them can be killed with {@code kill -9}.
 */
final class LocalCluster {

    private static LocalCluster started;

    private final Path script = Path.of(System.getProperty("it.cluster.script"));
    private final Path dir = Path.of(System.getProperty("it.cluster.dir"));
    private final List<Integer> offsets = Arrays.stream(System.getProperty("it.cluster.offsets", "500 600").split(" "))
            .map(Integer::valueOf).toList();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalCluster() {
    }

    /** The running cluster; the first call starts it (both servers at the same moment, on an empty database). */
    static synchronized LocalCluster started() {
        if (started == null) {
            LocalCluster cluster = new LocalCluster();
            cluster.run("start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> cluster.run("stop")));
            started = cluster;
        }
        return started;
    }

    /** {@code path} on server {@code node} (1 or 2) itself, past the balancer. */
    String url(int node, String path) {
        return "http://localhost:" + (8080 + offsets.get(node - 1)) + path;
    }

    /** {@code path} through the balancer. */
    String url(String path) {
        return "http://localhost:" + System.getProperty("it.http.port") + path;
    }

    void kill(int node) {
        run("kill", Integer.toString(node));
    }

    void start(int node) {
        run("start-node", Integer.toString(node));
    }

    Path demoCaKeyStore() {
        return dir.resolve("demo-ca.p12");
    }

    String log(int node) {
        try {
            return Files.readString(dir.resolve("node" + node).resolve("log").resolve("server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "postgres", "postgres");
    }

    HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    HttpResponse<byte[]> post(String url, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void run(String... arguments) {
        ProcessBuilder builder = new ProcessBuilder(script.toString());
        builder.command().addAll(List.of(arguments));
        Map<String, String> environment = builder.environment();
        environment.put("CLUSTER_DIR", dir.toString());
        environment.put("CLUSTER_PORT", System.getProperty("it.http.port"));
        environment.put("CLUSTER_OFFSETS", offsets.get(0) + " " + offsets.get(1));
        environment.put("CLUSTER_SMTP_PORT", System.getProperty("it.smtp.port"));
        environment.put("CERTREVOKE_DB_URL", System.getProperty("it.db.url"));
        environment.put("CLUSTER_JAVA_OPTS", "-Dcertrevoke.mail.retry.first-delay=PT1S"
                + " -Dcertrevoke.mail.retry.longest-delay=PT2S -Dcertrevoke.mail.rate=200");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("cluster.sh " + String.join(" ", arguments) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
