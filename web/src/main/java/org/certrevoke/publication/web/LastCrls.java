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

    /** A CRL as served: its number, dates and DER. */
    public record Copy(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
    }

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Path directory;

    public LastCrls() {
        this(Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "certrevoke", "crl"));
    }

    LastCrls(Path directory) {
        this.directory = directory;
    }

    /** The CRL read from the database, kept when it is newer than the copy. */
    Copy keep(String alias, PublishedCrl published) {
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
