package org.certrevoke.publication.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.ocsp.CertStatus;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;

/**
 * Writes and signs successful OCSP responses (RFC 6960 §4.2.1) for one delegated responder key. The DER
 * is written by hand around parts encoded once (responder id, signature algorithm, responder
 * certificate): per answer only the time, the CertIDs and statuses, the nonce and the signature change.
 * The bytes are those of Bouncy Castle's {@code BasicOCSPRespBuilder} (a test compares them), without
 * its object tree per answer, which matters when every request with a nonce is signed.
 */
final class OcspResponseWriter {

    private static final int OCTET_STRING = 0x04;
    private static final int BIT_STRING = 0x03;
    private static final int EXPLICIT_0 = 0xa0;
    private static final int EXPLICIT_1 = 0xa1;
    private static final byte[] NO_EXTENSIONS = new byte[0];
    private static final byte[] SUCCESSFUL = {0x0a, 0x01, 0x00};
    private static final byte[] GOOD = {(byte) 0x80, 0x00};
    private static final byte[] UNKNOWN = Der.encode(new CertStatus(2, DERNull.INSTANCE));
    private static final byte[] BASIC = Der.encode(OCSPObjectIdentifiers.id_pkix_ocsp_basic);

    private final OcspResponderKey key;
    private final byte[] responderId;
    private final byte[] signatureAlgorithm;
    private final byte[] certificates;
    private final ThreadLocal<ContentSigner> signers;
    private final Duration validity;
    private final byte[] archiveCutoff;
    private volatile Time time = new Time(Long.MIN_VALUE, null, null);

    /**
     * @param sha1 hashes the responder's public key into its id (RFC 6960 §4.2.1, byKey)
     * @param validity nextUpdate − thisUpdate of each single response
     * @param archiveCutoff the date from which the CA keeps the status of its expired certificates (its own
     *     certificate's notBefore), stated in the answers for expired certificates
     */
    OcspResponseWriter(OcspResponderKey key, DigestCalculator sha1, Duration validity, Instant archiveCutoff) {
        this.key = key;
        this.validity = validity;
        this.archiveCutoff = Der.encode(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff, false,
                Der.encode(generalizedTime(archiveCutoff))));
        try {
            this.responderId = Der.encode(new RespID(key.publicKeyInfo(), sha1).toASN1Primitive());
        } catch (OCSPException e) {
            throw new IllegalStateException("Cannot name the OCSP responder key", e);
        }
        this.signatureAlgorithm = Der.encode(Signers.forKey(key.key()).getAlgorithmIdentifier());
        this.certificates = Der.encode(new DERTaggedObject(true, 0, new DERSequence(key.certificate().toASN1Structure())));
        this.signers = ThreadLocal.withInitial(() -> Signers.forKey(key.key()));
    }

    OcspResponderKey key() {
        return key;
    }

    /**
     * The encoded OCSPResponse answering each CertID (as encoded in the request) with its status, produced
     * and valid from {@code now} (whole seconds) until {@code now} plus the validity, echoing the request's
     * nonce extension when not null.
     */
    byte[] write(byte[][] certIds, OcspStatus[] statuses, Extension nonce, Instant now) {
        Time current = time(now);
        byte[] at = current.encoded();
        byte[] next = current.next();
        int singles = 0;
        byte[][] encodedStatuses = new byte[statuses.length][];
        byte[][] singleExtensions = new byte[statuses.length][];
        for (int i = 0; i < certIds.length; i++) {
            encodedStatuses[i] = status(statuses[i].status());
            singleExtensions[i] = singleExtensions(statuses[i], now);
            singles += Der.elementLength(single(certIds[i], encodedStatuses[i], at, next, singleExtensions[i]));
        }
        byte[] extension = nonce == null ? null : Der.encode(nonce);
        int extensions = extension == null ? 0 : Der.elementLength(Der.elementLength(extension.length));
        int tbsContent = responderId.length + at.length + Der.elementLength(singles) + extensions;
        byte[] tbs = new byte[Der.elementLength(tbsContent)];
        int p = Der.put(tbs, 0, Der.SEQUENCE, tbsContent);
        p = Der.put(tbs, p, responderId);
        p = Der.put(tbs, p, at);
        p = Der.put(tbs, p, Der.SEQUENCE, singles);
        for (int i = 0; i < certIds.length; i++) {
            p = Der.put(tbs, p, Der.SEQUENCE, single(certIds[i], encodedStatuses[i], at, next, singleExtensions[i]));
            p = Der.put(tbs, p, certIds[i]);
            p = Der.put(tbs, p, encodedStatuses[i]);
            p = Der.put(tbs, p, at);
            p = Der.put(tbs, p, next);
            p = Der.put(tbs, p, singleExtensions[i]);
        }
        if (extension != null) {
            p = Der.put(tbs, p, EXPLICIT_1, Der.elementLength(extension.length));
            p = Der.put(tbs, p, Der.SEQUENCE, extension.length);
            Der.put(tbs, p, extension);
        }
        return wrap(tbs, sign(tbs));
    }

    /** The content length of a SingleResponse. */
    private static int single(byte[] certId, byte[] status, byte[] thisUpdate, byte[] nextUpdate, byte[] extensions) {
        return certId.length + status.length + thisUpdate.length + nextUpdate.length + extensions.length;
    }

    /**
     * {@code [1] EXPLICIT Extensions} of a SingleResponse: the invalidity date of a revocation that has one
     * (RFC 6960 §4.4.5 takes the CRL entry extensions), archiveCutoff for an expired certificate; nothing
     * when neither applies.
     */
    private byte[] singleExtensions(OcspStatus status, Instant now) {
        byte[] invalidity = status.invalidityDate() == null || !(status.status() instanceof RevokedStatus) ? NO_EXTENSIONS
                : Der.encode(new Extension(Extension.invalidityDate, false,
                        Der.encode(generalizedTime(status.invalidityDate()))));
        byte[] cutoff = status.expiredAt(now) ? archiveCutoff : NO_EXTENSIONS;
        int length = invalidity.length + cutoff.length;
        if (length == 0) {
            return NO_EXTENSIONS;
        }
        byte[] out = new byte[Der.elementLength(Der.elementLength(length))];
        int p = Der.put(out, 0, EXPLICIT_1, Der.elementLength(length));
        p = Der.put(out, p, Der.SEQUENCE, length);
        p = Der.put(out, p, invalidity);
        Der.put(out, p, cutoff);
        return out;
    }

    private static ASN1GeneralizedTime generalizedTime(Instant instant) {
        return new ASN1GeneralizedTime(Date.from(Instant.ofEpochSecond(instant.getEpochSecond())));
    }

    private byte[] sign(byte[] tbs) {
        ContentSigner signer = signers.get();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(tbs);
        } catch (IOException | RuntimeException e) {
            signers.remove();
            throw new IllegalStateException("OCSP response not signed", e);
        }
        return signer.getSignature();
    }

    /** BasicOCSPResponse in ResponseBytes in OCSPResponse, around the signed data and its signature. */
    private byte[] wrap(byte[] tbs, byte[] signature) {
        int bits = 1 + signature.length;
        int basic = tbs.length + signatureAlgorithm.length + Der.elementLength(bits) + certificates.length;
        int responseBytes = BASIC.length + Der.elementLength(Der.elementLength(basic));
        int response = SUCCESSFUL.length + Der.elementLength(Der.elementLength(responseBytes));
        byte[] out = new byte[Der.elementLength(response)];
        int p = Der.put(out, 0, Der.SEQUENCE, response);
        p = Der.put(out, p, SUCCESSFUL);
        p = Der.put(out, p, EXPLICIT_0, Der.elementLength(responseBytes));
        p = Der.put(out, p, Der.SEQUENCE, responseBytes);
        p = Der.put(out, p, BASIC);
        p = Der.put(out, p, OCTET_STRING, Der.elementLength(basic));
        p = Der.put(out, p, Der.SEQUENCE, basic);
        p = Der.put(out, p, tbs);
        p = Der.put(out, p, signatureAlgorithm);
        p = Der.put(out, p, BIT_STRING, bits);
        out[p++] = 0;
        p = Der.put(out, p, signature);
        Der.put(out, p, certificates);
        return out;
    }

    /** The GeneralizedTime of {@code now}'s second and the tagged nextUpdate after it, encoded once per second. */
    private Time time(Instant now) {
        Time current = time;
        if (current.epochSecond() != now.getEpochSecond()) {
            Instant second = Instant.ofEpochSecond(now.getEpochSecond());
            current = new Time(now.getEpochSecond(), Der.encode(generalizedTime(second)),
                    Der.encode(new DERTaggedObject(true, 0, generalizedTime(second.plus(validity)))));
            time = current;
        }
        return current;
    }

    private record Time(long epochSecond, byte[] encoded, byte[] next) {
    }

    /** CertStatus as the builder encodes it: good and unknown are constants, revoked carries time and reason. */
    private static byte[] status(CertificateStatus status) {
        if (status == CertificateStatus.GOOD) {
            return GOOD;
        }
        if (status instanceof RevokedStatus revoked) {
            ASN1GeneralizedTime when = new ASN1GeneralizedTime(revoked.getRevocationTime());
            return Der.encode(new CertStatus(new RevokedInfo(when, revoked.hasRevocationReason()
                    ? CRLReason.lookup(revoked.getRevocationReason()) : null)));
        }
        if (status instanceof UnknownStatus) {
            return UNKNOWN;
        }
        throw new IllegalArgumentException("Unknown certificate status " + status.getClass().getName());
    }
}
