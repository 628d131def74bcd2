package org.certrevoke.publication.web;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Figures, not assertions: OCSP responses per second over HTTP against the test server, for requests
 * without nonce (pre-signed answers) and with a fresh nonce each (signed per request), next to two
 * in-process references measured in the same run: bare P-256 signatures, and a whole OCSP answer made with
 * Bouncy Castle's classes. Client and server share the machine. With Debian's {@code wrk} installed, then
 * runs {@code bench/ocsp-wrk.sh} against the same server in several rounds (32 connections; nonce also with
 * 16, where the rate already peaks), each after a fresh measure of the references, and prints each round with
 * the load average and the medians: the machine is shared, so one run says little.
 * Run with {@code mvn -B -ntp verify -Pbench -Dit.test=OcspLoadBench} (plus the port options).
 */
@ExtendWith(ArquillianExtension.class)
class OcspLoadBench {

    private static final int THREADS = 8;
    private static final Duration RUN = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WRK_ROUNDS = 5;
    private static final Pattern WRK_LINE = Pattern.compile(
            "responses/s (\\d+)\\s+p50 ([\\d.]+) ms\\s+p99 ([\\d.]+) ms\\s+responses (\\d+)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void printsOcspFigures() throws Exception {
        X509CertificateHolder ca = new X509CertificateHolder(Http.get("/ca/demo-ca.crt").body());
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), ca, new BigInteger(127, RANDOM));
        byte[] plain = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        Supplier<byte[]> withNonce = () -> {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            try {
                return new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce)))).build().getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        load(() -> plain, Duration.ofSeconds(3));
        print("pre-signed (no nonce)", load(() -> plain, RUN));
        print("nonce (signed per request)", load(withNonce, RUN));
        Path wrkScript = Path.of("..", "bench", "ocsp-wrk.sh");
        if (!Files.isExecutable(Path.of("/usr/bin/wrk")) || !Files.isExecutable(wrkScript)) {
            System.out.printf("in-process ceilings (2 threads): ECDSA P-256 signatures %.0f/s; OCSP with Bouncy Castle"
                    + " %.0f responses/s%n", InProcessReferences.signingCeiling()[0], InProcessReferences.ocsp(ca, withNonce)[0]);
            System.out.println("wrk not installed: bench/ocsp-wrk.sh skipped");
            return;
        }
        wrk(wrkScript, "10s", "", 32);
        Optional<ProcessHandle> server = server();
        List<double[]> rounds = new ArrayList<>();
        for (int round = 1; round <= WRK_ROUNDS; round++) {
            double[] signing = InProcessReferences.signingCeiling();
            double[] ocsp = InProcessReferences.ocsp(ca, withNonce);
            double[] presigned = wrk(wrkScript, "plain", 32, server);
            double[] nonce = wrk(wrkScript, "nonce", 32, server);
            double[] nonce16 = wrk(wrkScript, "nonce", 16, server);
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            System.out.printf("round %d (load average %s): pre-signed %.0f/s p50 %.2f ms p99 %.2f ms, server CPU %.0f µs"
                    + " per response; nonce %.0f/s p50 %.2f ms p99 %.2f ms, server CPU %.0f µs per response;"
                    + " signing ceiling %.0f/s, CPU %.0f µs per signature; in-process OCSP %.0f/s;"
                    + " nonce/signing ceiling %.0f %%, nonce/in-process OCSP %.0f %%;"
                    + " nonce with 16 connections %.0f/s p99 %.2f ms (%.0f %% of the signing ceiling)%n", round, load,
                    presigned[0], presigned[1], presigned[2], presigned[3], nonce[0], nonce[1], nonce[2], nonce[3],
                    signing[0], signing[1], ocsp[0], 100 * nonce[0] / signing[0], 100 * nonce[0] / ocsp[0],
                    nonce16[0], nonce16[2], 100 * nonce16[0] / signing[0]);
            rounds.add(new double[] {presigned[0], presigned[2], presigned[3], nonce[0], nonce[2], nonce[3], signing[0],
                100 * nonce[0] / signing[0], signing[1], ocsp[0], 100 * nonce[0] / ocsp[0], nonce16[0], nonce16[2],
                100 * nonce16[0] / signing[0]});
        }
        System.out.printf("wrk, 2 threads, 32 connections, median of %d rounds of 10 s: pre-signed %.0f responses/s"
                + " p99 %.2f ms (server CPU %.0f µs each); nonce %.0f responses/s p99 %.2f ms (server CPU %.0f µs each);"
                + " in-process signing ceiling (2 threads) %.0f/s (CPU %.0f µs per signature), nonce/ceiling %.0f %%;"
                + " in-process OCSP with Bouncy Castle (2 threads) %.0f/s, nonce/in-process OCSP %.0f %%;"
                + " nonce with 16 connections %.0f responses/s p99 %.2f ms, nonce/ceiling %.0f %%%n",
                WRK_ROUNDS, median(rounds, 0), median(rounds, 1), median(rounds, 2), median(rounds, 3),
                median(rounds, 4), median(rounds, 5), median(rounds, 6), median(rounds, 8), median(rounds, 7),
                median(rounds, 9), median(rounds, 10), median(rounds, 11), median(rounds, 12), median(rounds, 13));
    }

    /**
     * One wrk run of one kind: responses/s, p50 and p99 in ms, and the CPU time the server process spent per
     * response (from /proc, so it does not depend on what else the machine runs); -1 when unknown.
     */
    private static double[] wrk(Path script, String only, int connections, Optional<ProcessHandle> server)
            throws Exception {
        long cpuBefore = server.map(OcspLoadBench::cpuNanos).orElse(-1L);
        String output = wrk(script, "10s", only, connections);
        long cpuAfter = server.map(OcspLoadBench::cpuNanos).orElse(-1L);
        Matcher line = WRK_LINE.matcher(output);
        if (!line.find()) {
            System.out.println("wrk said: " + output);
            return new double[] {0, 0, 0, -1};
        }
        long responses = Long.parseLong(line.group(4));
        double cpuMicros = cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / 1e3 / responses;
        return new double[] {Double.parseDouble(line.group(1)), Double.parseDouble(line.group(2)),
            Double.parseDouble(line.group(3)), cpuMicros};
    }

    private static String wrk(Path script, String duration, String only, int connections) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), Http.url(""), "demo-ca").redirectErrorStream(true);
        builder.environment().put("OCSP_WRK_DURATION", duration);
        builder.environment().put("OCSP_WRK_CONNECTIONS", Integer.toString(connections));
        builder.environment().put("OCSP_WRK_ONLY", only);
        Process wrk = builder.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        return output;
    }

    /** The test server's process: the one started with this build's server base directory. */
    private static Optional<ProcessHandle> server() {
        String base = System.getProperty("it.server.base");
        return ProcessHandle.allProcesses().filter(process -> process.info().arguments().map(arguments ->
                Arrays.stream(arguments).anyMatch(argument -> argument.equals("-Djboss.server.base.dir=" + base)))
                .orElse(false)).findFirst();
    }

    /** User + system CPU time of a process from /proc/{pid}/stat, in nanoseconds (clock ticks of 10 ms). */
    private static long cpuNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(round -> round[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private record Figures(long requests, double perSecond, double p50Millis, double p99Millis, long clientErrors) {
    }

    private static Figures load(Supplier<byte[]> requests, Duration duration) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(Http.url("/ocsp"));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<long[]>> results = new ArrayList<>();
        AtomicLong clientErrors = new AtomicLong();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            results.add(threads.submit(() -> {
                long[] latencies = new long[1 << 20];
                int count = 0;
                while (running.get() && count < latencies.length) {
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response;
                    try {
                        response = client.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/ocsp-request")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(requests.get())).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                    } catch (IOException e) {
                        // JDK 17's client now and then closes a pooled keep-alive connection it has just
                        // sent a POST on ("connection closed locally", any server path): counted, not timed
                        clientErrors.incrementAndGet();
                        continue;
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    latencies[count++] = System.nanoTime() - sent;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] part = result.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        Arrays.sort(all);
        return new Figures(all.length, all.length / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                clientErrors.get());
    }

    private static void print(String what, Figures figures) {
        System.out.printf("OCSP over HTTP, %s, %d client threads: %.0f responses/s, p50 %.2f ms, p99 %.2f ms (%d requests,"
                + " %d client-side connection errors)%n", what, THREADS, figures.perSecond(), figures.p50Millis(),
                figures.p99Millis(), figures.requests(), figures.clientErrors());
    }
}
