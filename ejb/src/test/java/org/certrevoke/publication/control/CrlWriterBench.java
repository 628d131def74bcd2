package org.certrevoke.publication.control;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.certrevoke.demo.control.DemoPki;
import org.junit.jupiter.api.Test;

/**
 * Figures, not assertions: CRL build + sign time and peak heap for 10k, 100k and 1M entries with
 * {@link CrlWriter}, with Bouncy Castle's builder and with {@code openssl ca -gencrl} on the same entries.
 * Run with {@code mvn -B -ntp test -pl persistence,ejb -Pbench}; not part of the normal build.
 */
class CrlWriterBench {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final DemoPki CA = DemoPki.createCa("CN=Bench CA,O=certrevoke,C=FR", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(3650)));
    private static final CaKeys KEYS = new CaKeys("bench-ca", 1, CA.certificate(), CA.privateKey(), Duration.ofDays(30));
    private static final int[] SIZES = {10_000, 100_000, 1_000_000};

    @Test
    void printsCrlFigures() throws Exception {
        System.out.printf("%-10s %14s %14s %14s %14s %14s %9s%n", "entries", "writer ms", "writer MiB",
                "BC builder ms", "BC MiB", "openssl ms", "openssl/writer");
        for (int size : SIZES) {
            CrlEntry[] entries = entries(size);
            writer(entries);
            resetPeaks();
            long start = System.nanoTime();
            byte[] crl = writer(entries);
            long writerMs = (System.nanoTime() - start) / 1_000_000;
            long writerMib = peakHeapMib();
            resetPeaks();
            start = System.nanoTime();
            builder(entries);
            long builderMs = (System.nanoTime() - start) / 1_000_000;
            long builderMib = peakHeapMib();
            long opensslMs = openssl(entries);
            System.out.printf("%-10d %14d %14d %14d %14d %14d %9.1f   (%d bytes)%n", size, writerMs, writerMib,
                    builderMs, builderMib, opensslMs, opensslMs / (double) Math.max(1, writerMs), crl.length);
        }
    }

    static byte[] writer(CrlEntry[] entries) {
        CrlWriter writer = new CrlWriter(KEYS.certificate(), KEYS.authorityKeyIdentifier());
        for (CrlEntry entry : entries) {
            writer.add(entry);
        }
        return writer.sign(KEYS.caSigner(), 1, NOW, NOW.plus(Duration.ofHours(24)));
    }

    private static void builder(CrlEntry[] entries) throws IOException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(KEYS.certificate().getSubject(), Date.from(NOW))
                .setNextUpdate(Date.from(NOW.plus(Duration.ofHours(24))));
        for (CrlEntry entry : entries) {
            builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), entry.reasonCode());
        }
        builder.addExtension(Extension.authorityKeyIdentifier, false, KEYS.authorityKeyIdentifier());
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
        builder.build(KEYS.caSigner()).getEncoded();
    }

    /** {@code openssl ca -gencrl} over an index of the same entries; only its own run is timed. */
    private static long openssl(CrlEntry[] entries) throws Exception {
        Path dir = Files.createTempDirectory("crl-bench");
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
        StringBuilder index = new StringBuilder(entries.length * 90);
        String[] reasons = {"unspecified", "keyCompromise", "", "affiliationChanged", "superseded"};
        for (CrlEntry entry : entries) {
            index.append("R\t").append(utc.format(NOW.plus(Duration.ofDays(365)))).append('\t')
                    .append(utc.format(entry.revokedAt())).append(',').append(reasons[entry.reasonCode()]).append('\t')
                    .append(entry.serial().toString(16).toUpperCase()).append("\tunknown\t/CN=x\n");
        }
        Files.writeString(dir.resolve("index.txt"), index, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", CA.certificate().getEncoded()));
        Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", CA.privateKey().getEncoded()));
        Files.writeString(dir.resolve("crlnumber"), "01\n");
        Files.writeString(dir.resolve("openssl.cnf"), String.join("\n", List.of("[ca]", "default_ca=bench",
                "[bench]", "database=" + dir.resolve("index.txt"), "crlnumber=" + dir.resolve("crlnumber"),
                "certificate=" + dir.resolve("ca.pem"), "private_key=" + dir.resolve("key.pem"),
                "default_md=sha256", "default_crl_hours=24", "crl_extensions=crl_ext",
                "[crl_ext]", "authorityKeyIdentifier=keyid:always", "")));
        long start = System.nanoTime();
        Process process = new ProcessBuilder("openssl", "ca", "-gencrl", "-config", dir.resolve("openssl.cnf").toString(),
                "-out", dir.resolve("crl.pem").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl ca -gencrl failed: " + Files.readString(dir.resolve("openssl.log")));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static CrlEntry[] entries(int size) {
        SecureRandom random = new SecureRandom();
        int[] codes = {0, 1, 3, 4};
        CrlEntry[] entries = new CrlEntry[size];
        for (int i = 0; i < size; i++) {
            byte[] serial = new byte[16];
            random.nextBytes(serial);
            serial[0] = (byte) ((serial[0] & 0x7f) | 0x40);
            entries[i] = new CrlEntry(new BigInteger(1, serial), NOW.minusSeconds(random.nextInt(100_000_000)),
                    codes[i % codes.length]);
        }
        return entries;
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMib() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
