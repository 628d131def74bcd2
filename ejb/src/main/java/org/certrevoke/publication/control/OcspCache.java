package org.certrevoke.publication.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.certrevoke.revocation.control.CertificateRevoked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the responder knows without the database: each asked certificate's status (keyed by its encoded
 * CertID), and the signed answer to each request without nonce, keyed by the request's own bytes, so
 * that a repeated request costs a map lookup and no parsing at all.
 * <p>
 * Both are Caffeine caches: bounded by {@code certrevoke.ocsp.cache.max-entries} (the least useful entries
 * go one by one, in constant time, instead of everything at once), and entries age out, which bounds how
 * long another server of a cluster may answer from its own cache, and never outlive half an answer's
 * validity: a pre-signed answer is signed again long before its nextUpdate.
 * <p>
 * A revocation, as its transaction commits and before the revoking call returns to the page, numbers
 * itself and marks the certificate with that number, in constant time whatever the caches hold: an entry
 * of that certificate made from a read that began before the mark is not served again, and not even kept
 * (the next request reads the database and signs "revoked"), so a stale "good" can never come back. A mark
 * is kept as long as any entry made before it may live.
 */
@ApplicationScoped
public class OcspCache {

    private final AtomicLong revocations = new AtomicLong();
    private Cache<ByteBuffer, Known> statuses;
    private Cache<ByteBuffer, Known> answers;
    private Cache<String, Long> revoked;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.cache.max-age", defaultValue = "PT1M")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.cache.max-entries", defaultValue = "100000")
    int maxEntries;

    @Inject
    OcspProfile profile;

    /**
     * A certificate's status as read from the database, and for a request without nonce its signed answer;
     * {@code generation} is what {@link #generation()} said before the database was read.
     */
    public record Known(String authorityAlias, String serial, OcspStatus status, OcspAnswer answer, long generation,
                        String certificate) {
    }

    @PostConstruct
    void start() {
        statuses = bounded();
        answers = bounded();
        // not bounded by size: a mark dropped early could let a stale "good" come back; there are as many as
        // revocations in one lifetime
        revoked = Caffeine.newBuilder().executor(Runnable::run).expireAfterWrite(lifetime()).build();
    }

    /**
     * Upkeep (eviction, expiry) runs on the caller's thread, amortised over the operations, rather than on
     * the common fork-join pool: no thread outside the container's, and the I/O thread pays a few
     * constant-time steps at most.
     */
    private <V> Cache<ByteBuffer, V> bounded() {
        return Caffeine.newBuilder().executor(Runnable::run).maximumSize(maxEntries).expireAfterWrite(lifetime()).build();
    }

    /** What a caller must hand back to {@link #put}: taken before the database is read. */
    public long generation() {
        return revocations.get();
    }

    /** The signed answer to exactly these request bytes, or null. */
    public OcspAnswer answer(byte[] request) {
        Known known = fresh(answers, ByteBuffer.wrap(request));
        return known == null ? null : known.answer();
    }

    /** The status of the certificate with this encoded CertID (issuer hashes and serial), or null. */
    public Known status(byte[] certId) {
        return fresh(statuses, ByteBuffer.wrap(certId));
    }

    /** How many statuses and answers are kept. */
    public long size() {
        return statuses.asMap().size() + answers.asMap().size();
    }

    /**
     * Records a status read since {@code generation}, and when {@code response} is not null the answer to
     * {@code request}; does nothing when the certificate was revoked meanwhile.
     */
    public void put(byte[] certId, String authorityAlias, String serial, OcspStatus status, byte[] request,
                    OcspAnswer response, long generation) {
        Known known = new Known(authorityAlias, serial, status, response, generation, certificate(authorityAlias, serial));
        if (revokedSince(known)) {
            return;
        }
        statuses.put(ByteBuffer.wrap(certId.clone()), known);
        if (response != null) {
            answers.put(ByteBuffer.wrap(request.clone()), known);
        }
    }

    void onRevocation(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked revoked) {
        evict(revoked.authorityAlias(), revoked.serial());
    }

    void evict(String authorityAlias, String serial) {
        revoked.put(certificate(authorityAlias, serial), revocations.incrementAndGet());
    }

    /** How long an entry is used: the configured maximum age, and never half an answer's validity. */
    Duration lifetime() {
        Duration half = profile.reuseAtMost();
        return maxAge.compareTo(half) < 0 ? maxAge : half;
    }

    private Known fresh(Cache<ByteBuffer, Known> cache, ByteBuffer key) {
        Known known = cache.getIfPresent(key);
        if (known != null && revokedSince(known)) {
            cache.asMap().remove(key, known);
            return null;
        }
        return known;
    }

    private boolean revokedSince(Known known) {
        Long mark = revoked.getIfPresent(known.certificate());
        return mark != null && mark > known.generation();
    }

    private static String certificate(String authorityAlias, String serial) {
        return authorityAlias + '/' + serial;
    }
}
