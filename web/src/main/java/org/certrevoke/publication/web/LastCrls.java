package org.certrevoke.publication.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.certrevoke.publication.entity.PublishedCrl;

/**
 * The last CRL served for each CA, in memory and in the server's data directory
 * ({@code certrevoke/crl/<alias>.crl}), so that relying parties still get it while the database is out of
 * reach, even after a restart: a signed CRL stays valid until its nextUpdate, wherever it is read from.
 */
@ApplicationScoped
public class LastCrls {

    private static final Logger LOG = Logger.getLogger(LastCrls.class.getName());

    /**
     * How long a copy is served as the latest CRL after the database last said it was, without asking again:
     * a new CRL is served at most this much later, and downloads and conditional GETs in between cost no
     * database read at all.
     */
    static final long CONFIRMED_NANOS = 1_000_000_000L;

    /** A CRL as served: its number, dates and DER. */
    public record Copy(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
    }

    private record Confirmed(Copy copy, long atNanos) {
    }

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Map<String, Confirmed> confirmed = new ConcurrentHashMap<>();
    private final Path directory;

    public LastCrls() {
        this(Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "certrevoke", "crl"));
    }

    LastCrls(Path directory) {
        this.directory = directory;
    }

    /** The copy the database said was the latest less than {@link #CONFIRMED_NANOS} ago, if any. */
    Optional<Copy> confirmed(String alias) {
        Confirmed last = confirmed.get(alias);
        return last != null && System.nanoTime() - last.atNanos() < CONFIRMED_NANOS ? Optional.of(last.copy())
                : Optional.empty();
    }

    /**
     * The copy of the CRL with this number, now confirmed as the latest; empty when none is kept, and the
     * bytes must be read ({@link #keep}).
     */
    Optional<Copy> confirm(String alias, long number) {
        Copy kept = copies.get(alias);
        if (kept == null || kept.number() != number) {
            return Optional.empty();
        }
        confirmed.put(alias, new Confirmed(kept, System.nanoTime()));
        return Optional.of(kept);
    }

    /** The CRL read from the database, kept when it is newer than the copy, and confirmed as the latest. */
    Copy keep(String alias, PublishedCrl published) {
        Copy copy = store(alias, published);
        confirmed.put(alias, new Confirmed(copy, System.nanoTime()));
        return copy;
    }

    private Copy store(String alias, PublishedCrl published) {
        Copy kept = copies.get(alias);
        if (kept != null && kept.number() == published.getCrlNumber()) {
            return kept;
        }
        Copy copy = new Copy(published.getCrlNumber(), published.getThisUpdate(), published.getNextUpdate(),
                published.getDer());
        copies.put(alias, copy);
        try {
            Files.createDirectories(directory);
            Path written = Files.write(Files.createTempFile(directory, alias, ".tmp"), copy.der());
            Files.move(written, file(alias), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning(() -> "CRL of " + alias + " not kept on disk: " + e);
        }
        return copy;
    }

    /** The last CRL served for this CA (an alias {@link Paths} accepted), from memory or else from disk. */
    Optional<Copy> last(String alias) {
        Copy kept = copies.get(alias);
        if (kept != null) {
            return Optional.of(kept);
        }
        Path file = file(alias);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] der = Files.readAllBytes(file);
            X509CRLHolder crl = new X509CRLHolder(der);
            Extension number = crl.getExtension(Extension.cRLNumber);
            Copy read = new Copy(number == null ? 0 : ASN1Integer.getInstance(number.getParsedValue()).longValueExact(),
                    crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant(), der);
            copies.putIfAbsent(alias, read);
            return Optional.of(read);
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "CRL of " + alias + " on disk not readable: " + e);
            return Optional.empty();
        }
    }

    private Path file(String alias) {
        return directory.resolve(alias + ".crl");
    }
}
