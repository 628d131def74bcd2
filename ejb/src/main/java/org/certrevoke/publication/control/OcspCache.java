package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.certrevoke.revocation.control.CertificateRevoked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the responder knows without the database: each asked certificate's status (keyed by its encoded
 * CertID), and the signed answer to each request without nonce, keyed by the request's own bytes, so
 * that a repeated request costs a map lookup and no parsing at all.
 * <p>
 * A revocation evicts the certificate's entries as its transaction commits, before the revoking call
 * returns to the page: the next request reads the database and signs "revoked". An entry made from a
 * read before that commit is refused by {@link #put} (the eviction count moved meanwhile), so a stale
 * "good" can never come back. Entries also age out, which bounds how long another server of a cluster
 * may answer from its own cache, and they never outlive half an answer's validity: a pre-signed answer is
 * signed again long before its nextUpdate.
 */
@ApplicationScoped
public class OcspCache {

    private final Map<ByteBuffer, Known> statuses = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, Known> answers = new ConcurrentHashMap<>();
    private final Object evictions = new Object();
    private long evictionCount;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.cache.max-age", defaultValue = "PT1M")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.cache.max-entries", defaultValue = "100000")
    int maxEntries;

    @Inject
    OcspProfile profile;

    /** A certificate's status as read from the database, and for a request without nonce its signed answer. */
    public record Known(String authorityAlias, String serial, OcspStatus status, OcspAnswer answer, long bornNanos) {
    }

    /** What a caller must hand back to {@link #put}: taken before the database is read. */
    public long generation() {
        synchronized (evictions) {
            return evictionCount;
        }
    }

    /** The signed answer to exactly these request bytes, or null. */
    public OcspAnswer answer(byte[] request) {
        Known known = fresh(answers, ByteBuffer.wrap(request));
        return known == null ? null : known.answer();
    }

    /** How many statuses and answers are kept. */
    public int size() {
        return statuses.size() + answers.size();
    }

    /** The status of the certificate with this encoded CertID (issuer hashes and serial), or null. */
    public Known status(byte[] certId) {
        return fresh(statuses, ByteBuffer.wrap(certId));
    }

    /**
     * Records a status read since {@code generation}, and when {@code response} is not null the answer to
     * {@code request}; does nothing when a revocation was evicted meanwhile.
     */
    public void put(byte[] certId, String authorityAlias, String serial, OcspStatus status, byte[] request,
                    OcspAnswer response, long generation) {
        Known known = new Known(authorityAlias, serial, status, response, System.nanoTime());
        synchronized (evictions) {
            if (generation != evictionCount) {
                return;
            }
            if (statuses.size() >= maxEntries || answers.size() >= maxEntries) {
                statuses.clear();
                answers.clear();
            }
            statuses.put(ByteBuffer.wrap(certId.clone()), known);
            if (response != null) {
                answers.put(ByteBuffer.wrap(request.clone()), known);
            }
        }
    }

    void onRevocation(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked revoked) {
        evict(revoked.authorityAlias(), revoked.serial());
    }

    void evict(String authorityAlias, String serial) {
        synchronized (evictions) {
            evictionCount++;
            statuses.values().removeIf(known -> known.serial().equals(serial)
                    && known.authorityAlias().equals(authorityAlias));
            answers.values().removeIf(known -> known.serial().equals(serial)
                    && known.authorityAlias().equals(authorityAlias));
        }
    }

    /** How long an entry is used: the configured maximum age, and never half an answer's validity. */
    Duration lifetime() {
        Duration half = profile.reuseAtMost();
        return maxAge.compareTo(half) < 0 ? maxAge : half;
    }

    private Known fresh(Map<ByteBuffer, Known> map, ByteBuffer key) {
        Known known = map.get(key);
        if (known == null) {
            return null;
        }
        if (System.nanoTime() - known.bornNanos() >= lifetime().toNanos()) {
            map.remove(key, known);
            return null;
        }
        return known;
    }
}
