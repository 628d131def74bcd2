package org.certrevoke.publication.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.certrevoke.revocation.control.CertificateRevoked;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the other servers of a cluster that a certificate was revoked, so that none of them answers OCSP from
 * what it cached before: the revoking server writes the certificate into the replicated {@code revocations}
 * cache as the revocation commits, and every other member evicts it from its {@link OcspCache} as the entry
 * arrives. The write waits for the other members at most {@code certrevoke.cluster.broadcast-wait} (1 s): a
 * member that hangs cannot hold up a revocation, and if it misses the message its cached entries still age out
 * within {@code certrevoke.ocsp.cache.max-age}. On a single server the cache is local and the message goes
 * nowhere.
 */
@ApplicationScoped
public class RevocationBroadcast {

    static final String CACHE = "java:jboss/infinispan/cache/certrevoke/revocations";
    private static final Logger LOG = Logger.getLogger(RevocationBroadcast.class.getName());

    @Resource(lookup = CACHE)
    Cache<String, Long> revocations;

    @Inject
    OcspCache ocspCache;

    @Inject
    @ConfigProperty(name = "certrevoke.cluster.broadcast-wait", defaultValue = "1000")
    long waitMillis;

    void listen(@Observes Startup startup) {
        revocations.addListener(new Arrivals());
    }

    void onRevocation(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked revoked) {
        try {
            revocations.putAsync(key(revoked.authorityAlias(), revoked.serial()), revoked.revokedAt().toEpochMilli())
                    .get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, () -> "The other servers were not all told of the revocation of " + revoked.serial()
                    + " within " + waitMillis + " ms (" + e.getClass().getSimpleName()
                    + "); their cached OCSP answers age out within the cache's max-age");
        }
    }

    static String key(String authorityAlias, String serial) {
        return authorityAlias + "/" + serial;
    }

    /** Evicts, on this server, what another server revoked. */
    @Listener
    public final class Arrivals {

        @CacheEntryCreated
        @CacheEntryModified
        public void arrived(CacheEntryEvent<String, Long> event) {
            if (event.isPre() || event.isOriginLocal()) {
                return;
            }
            String key = event.getKey();
            int slash = key.lastIndexOf('/');
            ocspCache.evict(key.substring(0, slash), key.substring(slash + 1));
        }
    }
}
