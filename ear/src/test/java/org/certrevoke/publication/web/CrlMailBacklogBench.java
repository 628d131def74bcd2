package org.certrevoke.publication.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.certrevoke.it.CrlListings;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.OutboxFiller;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Figures, not assertions: how long a revocation takes to reach the CRL while mail is busy. A thousand mails
 * are queued at once (a bulk registration's code mails) with GreenMail taking them, then the registration
 * authority's API revokes 10 certificates a second for 30 s (each revocation queues its own mail) while
 * another thread fetches the CRL twice a second. Prints the median, p99 and longest time from each
 * revocation's answer to the CRL listing it, and how many mails GreenMail received meanwhile.
 * Run with {@code mvn -B -ntp verify -Pbench -Dit.test=CrlMailBacklogBench} (plus the port options).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrlMailBacklogBench {

    private static final int PER_SECOND = 10;
    private static final int SECONDS = 30;
    private static final int BACKLOG = 1000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(OutboxFiller.class);
    }

    @Test
    void printsCrlListingDelaysUnderAMailBacklog() throws Exception {
        int total = PER_SECOND * SECONDS;
        List<String> serials = OutboxFiller.certificates(total);
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        GreenMail smtp = new GreenMail(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));
        smtp.start();
        Map<String, Long> returnedAt = new ConcurrentHashMap<>();
        CrlListings listings = new CrlListings("demo-ca", serials);
        Map<String, Long> listedAt = listings.listedAt();
        try {
            long filled = System.nanoTime();
            OutboxFiller.fill(prefix, BACKLOG);
            System.out.printf("%d mails queued in %d ms%n", BACKLOG, (System.nanoTime() - filled) / 1_000_000);
            ExecutorService callers = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / PER_SECOND;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String serial = serials.get(i);
                callers.execute(() -> {
                    HttpResponse<String> response = RaClient.post("/api/v1/certificates/demo-ca/" + serial + "/revocation",
                            "{\"reason\": \"KEY_COMPROMISE\"}");
                    if (response.statusCode() == 200) {
                        returnedAt.put(serial, System.nanoTime());
                    }
                });
            }
            callers.shutdown();
            callers.awaitTermination(5, TimeUnit.MINUTES);
            System.out.printf("%d revocations answered in %.1f s; %d mails received by GreenMail so far%n",
                    returnedAt.size(), (System.nanoTime() - start) / 1e9, smtp.getReceivedMessages().length);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!listedAt.keySet().containsAll(returnedAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            long[] delays = returnedAt.entrySet().stream().filter(e -> listedAt.containsKey(e.getKey()))
                    .mapToLong(e -> listedAt.get(e.getKey()) - e.getValue()).toArray();
            System.out.printf("mails received by GreenMail at the end: %d (%.1f s after the first revocation)%n",
                    smtp.getReceivedMessages().length, (System.nanoTime() - start) / 1e9);
            CrlListings.print("revocation answered -> listed in the CRL (fetched every 500 ms) [" + delays.length + " of "
                    + returnedAt.size() + " listed within 120 s of the last]", delays);
        } finally {
            listings.close();
            OutboxFiller.drop(prefix);
            smtp.stop();
        }
    }
}
