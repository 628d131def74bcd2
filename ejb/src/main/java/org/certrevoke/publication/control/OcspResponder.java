package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.certrevoke.platform.control.DatabaseOutage;

/**
 * An RFC 6960 responder with the RFC 5019 / RFC 9654 profile: parses a request (strictly, {@link OcspAsked}),
 * finds each certificate's status and signs the answer, valid for {@link OcspProfile#validity()}, with the
 * CA's delegated responder key, in the caller's thread. The statuses read from the database and the
 * answers to requests without nonce are kept in {@link OcspCache}, so that a request costs no database
 * read, and a repeated one no signature either. Called straight from the servlet, without an EJB: no
 * transaction (the reads need none) and no security interceptor per request. Whatever the request
 * holds, the answer is an OCSP response, never an exception: while the database is out of reach, what the
 * cache knows, and tryLater (RFC 6960 §2.3) for the rest.
 */
@ApplicationScoped
public class OcspResponder {

    private static final Logger LOG = Logger.getLogger(OcspResponder.class.getName());
    private static final byte[] MALFORMED = status(OCSPRespBuilder.MALFORMED_REQUEST);
    private static final byte[] UNAUTHORIZED = status(OCSPRespBuilder.UNAUTHORIZED);
    private static final byte[] INTERNAL_ERROR = status(OCSPRespBuilder.INTERNAL_ERROR);
    private static final byte[] TRY_LATER = status(OCSPRespBuilder.TRY_LATER);

    @Inject
    OcspLookups lookups;

    @Inject
    OcspCache cache;

    @Inject
    OcspProfile profile;

    @Inject
    Clock clock;

    private final DigestCalculatorProvider digests = Signers.digests();
    private final Map<String, OcspResponseWriter> writers = new ConcurrentHashMap<>();

    public static byte[] malformed() {
        return MALFORMED.clone();
    }

    /**
     * The answer to a request: a repeated request without nonce is answered from its own bytes; a request
     * for certificates whose status is known is signed here without the database; anything else reads it.
     */
    public OcspAnswer respond(byte[] encoded) {
        return respond(encoded, true);
    }

    /**
     * The answer when it needs neither the database nor a new responder certificate (cached, malformed, or
     * signed in memory from known statuses, about a tenth of a millisecond of CPU); null when it does, and
     * {@link #respond} must be called. Needs no container context: any thread may call it.
     */
    public byte[] respondFromMemory(byte[] encoded) {
        OcspAnswer answer = respond(encoded, false);
        return answer == null ? null : answer.der();
    }

    private OcspAnswer respond(byte[] encoded, boolean mayReadDatabase) {
        OcspAnswer answered = cache.answer(encoded);
        if (answered != null) {
            return answered;
        }
        OcspAsked asked;
        try {
            asked = OcspAsked.parse(encoded);
        } catch (IOException | RuntimeException e) {
            return OcspAnswer.status(MALFORMED.clone());
        }
        try {
            long generation = cache.generation();
            OcspAnswer known = fromCache(asked, generation);
            if (known != null || !mayReadDatabase) {
                return known;
            }
            return answer(asked, generation);
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                LOG.warning(() -> "OCSP request answered tryLater, the database is unavailable: "
                        + DatabaseOutage.describe(e));
                return OcspAnswer.status(TRY_LATER.clone());
            }
            LOG.log(Level.WARNING, "OCSP request not answered", e);
            return OcspAnswer.status(INTERNAL_ERROR.clone());
        }
    }

    /**
     * Signs the answer when every certificate asked for has a cached status, of one CA whose responder key
     * is loaded and not due for renewal; else null.
     */
    private OcspAnswer fromCache(OcspAsked asked, long generation) {
        OcspStatus[] statuses = new OcspStatus[asked.size()];
        OcspCache.Known first = null;
        for (int i = 0; i < asked.size(); i++) {
            OcspCache.Known known = cache.status(asked.certIds()[i]);
            if (known == null || first != null && !first.authorityAlias().equals(known.authorityAlias())) {
                return null;
            }
            first = first == null ? known : first;
            statuses[i] = known.status();
        }
        Instant now = now();
        Optional<CaKeys> ca = lookups.loaded(first.authorityAlias());
        if (ca.isEmpty() || ca.get().responderDue(now)) {
            return null;
        }
        OcspAnswer response = new OcspAnswer(writer(ca.get(), now).write(asked.certIds(), statuses, asked.nonce(), now),
                now);
        if (asked.presignable()) {
            cache.put(asked.certIds()[0], first.authorityAlias(), first.serial(), statuses[0], asked.encoded(),
                    response, generation);
        }
        return response;
    }

    private OcspAnswer answer(OcspAsked asked, long generation) {
        Optional<CaKeys> ca = lookups.issuerOf(asked.singles()[0].getCertID());
        if (ca.isEmpty()) {
            return OcspAnswer.status(UNAUTHORIZED.clone());
        }
        for (Req single : asked.singles()) {
            if (!lookups.issuedBy(single.getCertID(), ca.get())) {
                return OcspAnswer.status(UNAUTHORIZED.clone());
            }
        }
        OcspStatus[] statuses = new OcspStatus[asked.size()];
        String[] serials = new String[asked.size()];
        for (int i = 0; i < asked.size(); i++) {
            serials[i] = asked.singles()[i].getCertID().getSerialNumber().toString(16);
            statuses[i] = lookups.status(ca.get().authorityId(), serials[i]);
        }
        Instant now = now();
        OcspAnswer response = new OcspAnswer(writer(ca.get(), now).write(asked.certIds(), statuses, asked.nonce(), now),
                now);
        for (int i = 0; i < asked.size(); i++) {
            cache.put(asked.certIds()[i], ca.get().alias(), serials[i], statuses[i], asked.encoded(),
                    asked.presignable() ? response : null, generation);
        }
        return response;
    }

    /** The writer of the CA's current responder key, made again when the key was renewed. */
    private OcspResponseWriter writer(CaKeys ca, Instant now) {
        OcspResponderKey key = ca.responder(now);
        OcspResponseWriter current = writers.get(ca.alias());
        if (current == null || current.key() != key) {
            try {
                current = new OcspResponseWriter(key, digests.get(RespID.HASH_SHA1), profile.validity(),
                        ca.certificate().getNotBefore().toInstant());
            } catch (OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
            writers.put(ca.alias(), current);
        }
        return current;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }
}
