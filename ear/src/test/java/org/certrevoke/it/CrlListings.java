package org.certrevoke.it;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.cert.X509CRL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For the benches: when each serial first appears in a CA's published CRL, the CRL fetched twice a second on a
 * thread of its own until closed; and how such delays are printed.
 */
public final class CrlListings implements AutoCloseable {

    private final Map<String, Long> listedAt = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean watching = true;

    public CrlListings(String authorityAlias, List<String> serials) {
        watcher = new Thread(() -> watch(authorityAlias, serials), "crl-listings");
        watcher.start();
    }

    /** {@link System#nanoTime()} of the fetch that first listed each serial. */
    public Map<String, Long> listedAt() {
        return listedAt;
    }

    private void watch(String authorityAlias, List<String> serials) {
        while (watching) {
            HttpResponse<byte[]> response = Http.get("/crl/" + authorityAlias + ".crl");
            long fetched = System.nanoTime();
            if (response.statusCode() == 200) {
                X509CRL crl = Crls.parse(response.body());
                for (String serial : serials) {
                    if (!listedAt.containsKey(serial) && crl.getRevokedCertificate(new BigInteger(serial, 16)) != null) {
                        listedAt.put(serial, fetched);
                    }
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        watcher.join();
    }

    /** Median, p99 and longest of the delays, in milliseconds. */
    public static void print(String what, long[] nanos) {
        if (nanos.length == 0) {
            System.out.println(what + ": none");
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: median %.1f ms, p99 %.1f ms, longest %.1f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
