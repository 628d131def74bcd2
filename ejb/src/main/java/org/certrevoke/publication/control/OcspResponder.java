package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CrlReason;

/**
 * An RFC 6960 responder: parses a request, finds each certificate's status and signs the answer with the
 * CA's delegated responder key, in the caller's thread. The statuses read from the database and the
 * answers to requests without nonce are kept in {@link OcspCache}, so that a request costs no database
 * read, and a repeated one no signature either. Called straight from the servlet, without an EJB: no
 * transaction (the reads need none) and no security interceptor per request. Whatever the request
 * holds, the answer is an OCSP response, never an exception.
 */
@ApplicationScoped
public class OcspResponder {

    private static final Logger LOG = Logger.getLogger(OcspResponder.class.getName());
    private static final byte[] MALFORMED = status(OCSPRespBuilder.MALFORMED_REQUEST);
    private static final byte[] UNAUTHORIZED = status(OCSPRespBuilder.UNAUTHORIZED);
    private static final byte[] INTERNAL_ERROR = status(OCSPRespBuilder.INTERNAL_ERROR);
    private static final long SERVED_MAX_AGE_NANOS = 60_000_000_000L;
    private static final long RELOAD_ON_MISS_NANOS = 1_000_000_000L;

    @PersistenceContext
    EntityManager em;

    @Inject
    SigningKeys signingKeys;

    @Inject
    OcspCache cache;

    @Inject
    Clock clock;

    private final DigestCalculatorProvider digests = digests();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private volatile Served served = new Served(List.of(), System.nanoTime() - SERVED_MAX_AGE_NANOS - 1);

    public static byte[] malformed() {
        return MALFORMED.clone();
    }

    /**
     * The answer to a request: a repeated request without nonce is answered from its own bytes; a request
     * for certificates whose status is known is signed here without the database; anything else reads it.
     */
    public byte[] respond(byte[] encoded) {
        return respond(encoded, true);
    }

    /**
     * The answer when it needs no database (cached, malformed, or signed from known statuses); null when it
     * does, and {@link #respond} must be called. Needs no container context: any thread may call it.
     */
    public byte[] respondFromMemory(byte[] encoded) {
        return respond(encoded, false);
    }

    private byte[] respond(byte[] encoded, boolean mayReadDatabase) {
        byte[] answered = cache.answer(encoded);
        if (answered != null) {
            return answered;
        }
        OCSPReq request;
        Req[] singles;
        try {
            request = new OCSPReq(encoded);
            singles = request.getRequestList();
        } catch (IOException | RuntimeException e) {
            return MALFORMED.clone();
        }
        if (singles.length == 0) {
            return MALFORMED.clone();
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        try {
            long generation = cache.generation();
            byte[] known = fromCache(encoded, singles, nonce, generation);
            if (known != null || !mayReadDatabase) {
                return known;
            }
            return answer(encoded, singles, nonce, generation);
        } catch (RuntimeException | OCSPException | OperatorCreationException e) {
            LOG.log(Level.WARNING, "OCSP request not answered", e);
            return INTERNAL_ERROR.clone();
        }
    }

    /** Signs the answer when every certificate asked for has a cached status, of one served CA; else null. */
    private byte[] fromCache(byte[] encoded, Req[] singles, Extension nonce, long generation)
            throws OCSPException, OperatorCreationException {
        CertificateStatus[] statuses = new CertificateStatus[singles.length];
        OcspCache.Known first = null;
        for (int i = 0; i < singles.length; i++) {
            OcspCache.Known known = cache.status(certId(singles[i]));
            if (known == null || first != null && !first.authorityAlias().equals(known.authorityAlias())) {
                return null;
            }
            first = first == null ? known : first;
            statuses[i] = known.status();
        }
        Served current = served;
        Optional<CaKeys> ca = current.byAlias(first.authorityAlias());
        if (ca.isEmpty() || System.nanoTime() - current.loadedNanos() > SERVED_MAX_AGE_NANOS) {
            return null;
        }
        byte[] response = sign(ca.get(), singles, statuses, nonce);
        if (nonce == null && singles.length == 1) {
            cache.put(certId(singles[0]), first.authorityAlias(), first.serial(), statuses[0], encoded, response,
                    generation);
        }
        return response;
    }

    private byte[] answer(byte[] encoded, Req[] singles, Extension nonce, long generation)
            throws OCSPException, OperatorCreationException {
        Optional<CaKeys> ca = issuerOf(singles[0].getCertID());
        if (ca.isEmpty()) {
            return UNAUTHORIZED.clone();
        }
        for (Req single : singles) {
            if (!issuedBy(single.getCertID(), ca.get())) {
                return UNAUTHORIZED.clone();
            }
        }
        CertificateStatus[] statuses = new CertificateStatus[singles.length];
        String[] serials = new String[singles.length];
        for (int i = 0; i < singles.length; i++) {
            serials[i] = singles[i].getCertID().getSerialNumber().toString(16);
            statuses[i] = status(ca.get().authorityId(), serials[i]);
        }
        byte[] response = sign(ca.get(), singles, statuses, nonce);
        boolean presigned = nonce == null && singles.length == 1;
        for (int i = 0; i < singles.length; i++) {
            cache.put(certId(singles[i]), ca.get().alias(), serials[i], statuses[i], encoded,
                    presigned ? response : null, generation);
        }
        return response;
    }

    private byte[] sign(CaKeys ca, Req[] singles, CertificateStatus[] statuses, Extension nonce)
            throws OCSPException, OperatorCreationException {
        Date now = Date.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Responder responder = responder(ca.alias(), ca.responder(clock));
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responder.id());
        for (int i = 0; i < singles.length; i++) {
            builder.addResponse(singles[i].getCertID(), statuses[i], now, null, null);
        }
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        ContentSigner signer = responder.signers().get();
        try {
            return encode(builder.build(signer, responder.chain(), now));
        } catch (OCSPException | RuntimeException e) {
            responder.signers().remove();
            throw e;
        }
    }

    private Responder responder(String authorityAlias, OcspResponderKey key)
            throws OCSPException, OperatorCreationException {
        Responder current = responders.get(authorityAlias);
        if (current == null || current.key() != key) {
            current = new Responder(key, new RespID(key.publicKeyInfo(), digests.get(RespID.HASH_SHA1)),
                    new X509CertificateHolder[] {key.certificate()}, ThreadLocal.withInitial(() -> Signers.forKey(key.key())));
            responders.put(authorityAlias, current);
        }
        return current;
    }

    /**
     * What signing with one responder key needs, made once: its id, its certificate, and a signer per
     * thread (a signer is not thread-safe, and is ready again after each signature).
     */
    private record Responder(OcspResponderKey key, RespID id, X509CertificateHolder[] chain,
                             ThreadLocal<ContentSigner> signers) {
    }

    private CertificateStatus status(long authorityId, String serial) {
        List<Object[]> rows = em.createQuery("SELECT c.revoked, c.revokedAt, c.crlReason FROM Certificate c"
                        + " WHERE c.authority.id = :id AND c.serial = :serial", Object[].class)
                .setParameter("id", authorityId).setParameter("serial", serial).getResultList();
        if (rows.isEmpty()) {
            return new UnknownStatus();
        }
        Object[] row = rows.get(0);
        if (!Boolean.TRUE.equals(row[0])) {
            return CertificateStatus.GOOD;
        }
        int code = ((CrlReason) row[2]).code();
        return new RevokedStatus(new RevokedInfo(new ASN1GeneralizedTime(Date.from((Instant) row[1])),
                code == 0 ? null : CRLReason.lookup(code)));
    }

    /**
     * The served CAs are kept for a while, so that signing per request does not also mean reading every CA;
     * a request for an issuer not among them reloads them, at most once a second.
     */
    private Optional<CaKeys> issuerOf(CertificateID id) {
        Served current = served;
        Optional<CaKeys> found = current.find(id, this);
        long now = System.nanoTime();
        boolean stale = now - current.loadedNanos() > SERVED_MAX_AGE_NANOS;
        if (found.isEmpty() && now - current.loadedNanos() > RELOAD_ON_MISS_NANOS || stale) {
            current = new Served(em.createQuery("SELECT a FROM CertificateAuthority a", CertificateAuthority.class)
                    .getResultStream().map(signingKeys::of).flatMap(Optional::stream).toList(), now);
            served = current;
            found = current.find(id, this);
        }
        return found;
    }

    private record Served(List<CaKeys> authorities, long loadedNanos) {

        Optional<CaKeys> find(CertificateID id, OcspResponder responder) {
            return authorities.stream().filter(ca -> responder.issuedBy(id, ca)).findFirst();
        }

        Optional<CaKeys> byAlias(String alias) {
            for (CaKeys ca : authorities) {
                if (ca.alias().equals(alias)) {
                    return Optional.of(ca);
                }
            }
            return Optional.empty();
        }
    }

    private boolean issuedBy(CertificateID id, CaKeys ca) {
        try {
            return id.matchesIssuer(ca.certificate(), digests);
        } catch (OCSPException e) {
            return false;
        }
    }

    private static byte[] certId(Req single) {
        try {
            return single.getCertID().toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BasicOCSPResp basic) throws OCSPException {
        try {
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().setProvider(Signers.BC).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
