package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.certrevoke.revocation.control.CertificateRevoked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed OCSP answers for requests without nonce, so that most requests cost a map lookup.
 * <p>
 * A revocation evicts the certificate's answers as its transaction commits, before the revoking call
 * returns to the page: the next request reads the database and signs "revoked". An answer signed from a
 * read made before that commit is refused by {@link #put} (the eviction count moved meanwhile), so a
 * stale "good" can never come back. Entries also age out, which bounds how long another server of a
 * cluster may answer from its own cache.
 */
@ApplicationScoped
public class OcspCache {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Object evictions = new Object();
    private long evictionCount;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.cache.max-age", defaultValue = "PT1M")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.cache.max-entries", defaultValue = "100000")
    int maxEntries;

    record Entry(String authorityAlias, String serial, byte[] response, long bornNanos) {
    }

    /** What a caller must hand back to {@link #put}: taken before the database is read. */
    public long generation() {
        synchronized (evictions) {
            return evictionCount;
        }
    }

    public byte[] get(String certId) {
        Entry entry = entries.get(certId);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.bornNanos() >= maxAge.toNanos()) {
            entries.remove(certId, entry);
            return null;
        }
        return entry.response();
    }

    public void put(String certId, String authorityAlias, String serial, byte[] response, long generation) {
        synchronized (evictions) {
            if (generation != evictionCount) {
                return;
            }
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(certId, new Entry(authorityAlias, serial, response, System.nanoTime()));
        }
    }

    void onRevocation(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked revoked) {
        evict(revoked.authorityAlias(), revoked.serial());
    }

    void evict(String authorityAlias, String serial) {
        synchronized (evictions) {
            evictionCount++;
            entries.values().removeIf(entry -> entry.serial().equals(serial)
                    && entry.authorityAlias().equals(authorityAlias));
        }
    }
}
