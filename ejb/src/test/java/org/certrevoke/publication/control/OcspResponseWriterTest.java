package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.certrevoke.demo.control.DemoPki;
import org.junit.jupiter.api.Test;

class OcspResponseWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final DemoPki CA = DemoPki.createCa("CN=Test CA,O=certrevoke,C=FR", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(3650)));
    private static final CaKeys KEYS = new CaKeys("test-ca", 1, CA.certificate(), CA.privateKey(), Duration.ofDays(30));
    private static final OcspResponderKey RESPONDER = KEYS.responder(NOW);
    private static final Duration VALIDITY = Duration.ofHours(24);
    private static final Instant CA_CREATED = NOW.minus(Duration.ofDays(1));
    private static final OcspResponseWriter WRITER = new OcspResponseWriter(RESPONDER, sha1(), VALIDITY, CA_CREATED);

    private static final CertificateStatus REVOKED_FOR_KEY_COMPROMISE = new RevokedStatus(new RevokedInfo(
            new ASN1GeneralizedTime(Date.from(NOW.minus(Duration.ofDays(3)))), CRLReason.lookup(CRLReason.keyCompromise)));
    private static final CertificateStatus REVOKED_WITHOUT_REASON = new RevokedStatus(new RevokedInfo(
            new ASN1GeneralizedTime(Date.from(Instant.parse("2026-01-02T03:04:05.678Z"))), null));

    @Test
    void writesWhatBouncyCastlesBuilderWritesForEachStatus() throws Exception {
        CertificateID[] ids = {id(BigInteger.ONE), id(new BigInteger("7fe1d2c3b4a5968778695a4b3c2d1e0f", 16)),
            id(new BigInteger("80000000000000000000000000000000", 16)), id(BigInteger.valueOf(255))};
        OcspStatus[] statuses = {good(), of(REVOKED_FOR_KEY_COMPROMISE), of(REVOKED_WITHOUT_REASON),
            of(new UnknownStatus())};

        assertSameAsBuilder(ids, statuses, null);
    }

    @Test
    void echoesTheNonceAsTheBuilderDoes() throws Exception {
        Extension nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new DEROctetString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})));

        BasicOCSPResp written = assertSameAsBuilder(new CertificateID[] {id(BigInteger.TEN)},
                new OcspStatus[] {good()}, nonce);

        assertEquals(nonce, written.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
    }

    @Test
    void writesLongResponsesWithMultiOctetLengths() throws Exception {
        CertificateID[] ids = new CertificateID[40];
        OcspStatus[] statuses = new OcspStatus[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(BigInteger.valueOf(1000 + i));
            statuses[i] = i % 2 == 0 ? good() : of(REVOKED_FOR_KEY_COMPROMISE);
        }

        BasicOCSPResp written = assertSameAsBuilder(ids, statuses, null);

        assertEquals(40, written.getResponses().length);
        assertTrue(written.getEncoded().length > 0xff, "lengths of two octets");
    }

    @Test
    void reusesTheTimeOfTheSameSecondAndMovesOnWithTheNext() throws Exception {
        CertificateID[] ids = {id(BigInteger.TWO)};
        OcspStatus[] statuses = {good()};

        BasicOCSPResp first = basic(WRITER.write(encoded(ids), statuses, null, NOW));
        BasicOCSPResp same = basic(WRITER.write(encoded(ids), statuses, null, NOW));
        BasicOCSPResp next = basic(WRITER.write(encoded(ids), statuses, null, NOW.plusSeconds(1)));

        assertEquals(Date.from(NOW), first.getProducedAt());
        assertEquals(Date.from(NOW), same.getProducedAt());
        assertEquals(Date.from(NOW.plusSeconds(1)), next.getProducedAt());
        assertEquals(Date.from(NOW.plusSeconds(1)), next.getResponses()[0].getThisUpdate());
        assertEquals(Date.from(NOW.plusSeconds(1).plus(VALIDITY)), next.getResponses()[0].getNextUpdate());
    }

    @Test
    void publishesTheInvalidityDateAndTheArchiveCutoffOfAnExpiredCertificateAsTheBuilderDoes() throws Exception {
        Instant invalid = NOW.minus(Duration.ofDays(4));
        Instant expired = NOW.minus(Duration.ofHours(1));
        CertificateID[] ids = {id(BigInteger.valueOf(21)), id(BigInteger.valueOf(22)), id(BigInteger.valueOf(23)),
            id(BigInteger.valueOf(24))};
        OcspStatus[] statuses = {
            new OcspStatus(REVOKED_FOR_KEY_COMPROMISE, invalid, NOW.plus(Duration.ofDays(30))),
            new OcspStatus(REVOKED_FOR_KEY_COMPROMISE, invalid, expired),
            new OcspStatus(CertificateStatus.GOOD, null, expired),
            new OcspStatus(CertificateStatus.GOOD, null, NOW)};

        BasicOCSPResp written = assertSameAsBuilder(ids, statuses, null);

        assertEquals(new ASN1GeneralizedTime(Date.from(invalid)), ASN1GeneralizedTime.getInstance(
                written.getResponses()[0].getExtension(Extension.invalidityDate).getParsedValue()));
        assertNull(written.getResponses()[0].getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff));
        assertEquals(new ASN1GeneralizedTime(Date.from(CA_CREATED)), ASN1GeneralizedTime.getInstance(written
                .getResponses()[1].getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff).getParsedValue()));
        assertTrue(written.getResponses()[1].hasExtensions());
        assertTrue(written.getResponses()[2].hasExtensions());
        assertFalse(written.getResponses()[3].hasExtensions(), "valid until this very second");
    }

    /** Same tbsResponseData, algorithm and certificates as the builder; a signature the responder's key verifies. */
    private static BasicOCSPResp assertSameAsBuilder(CertificateID[] ids, OcspStatus[] statuses, Extension nonce)
            throws Exception {
        byte[] bytes = WRITER.write(encoded(ids), statuses, nonce, NOW);

        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(RESPONDER.publicKeyInfo(), sha1()));
        for (int i = 0; i < ids.length; i++) {
            builder.addResponse(ids[i], statuses[i].status(), Date.from(NOW), Date.from(NOW.plus(VALIDITY)),
                    singleExtensions(statuses[i]));
        }
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        BasicOCSPResp expected = builder.build(Signers.forKey(RESPONDER.key()),
                new X509CertificateHolder[] {RESPONDER.certificate()}, Date.from(NOW));
        OCSPResp response = new OCSPResp(bytes);
        BasicOCSPResp written = (BasicOCSPResp) response.getResponseObject();

        assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
        assertArrayEquals(expected.getTBSResponseData(), written.getTBSResponseData());
        assertEquals(expected.getSignatureAlgorithmID(), written.getSignatureAlgorithmID());
        assertArrayEquals(expected.getCerts()[0].getEncoded(), written.getCerts()[0].getEncoded());
        assertArrayEquals(bytes, response.toASN1Structure().getEncoded(ASN1Encoding.DER), "not DER");
        assertTrue(written.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Signers.BC)
                .build(RESPONDER.certificate())));
        return written;
    }

    /** What RFC 6960 §4.4.4 and §4.4.5 put in a single response, built with Bouncy Castle. */
    private static Extensions singleExtensions(OcspStatus status) throws java.io.IOException {
        List<Extension> extensions = new ArrayList<>();
        if (status.invalidityDate() != null) {
            extensions.add(new Extension(Extension.invalidityDate, false,
                    new DEROctetString(new ASN1GeneralizedTime(Date.from(status.invalidityDate())))));
        }
        if (status.notAfter() != null && NOW.isAfter(status.notAfter())) {
            extensions.add(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff, false,
                    new DEROctetString(new ASN1GeneralizedTime(Date.from(CA_CREATED)))));
        }
        return extensions.isEmpty() ? null : new Extensions(extensions.toArray(Extension[]::new));
    }

    private static OcspStatus good() {
        return OcspStatus.of(CertificateStatus.GOOD);
    }

    private static OcspStatus of(CertificateStatus status) {
        return OcspStatus.of(status);
    }

    private static BasicOCSPResp basic(byte[] response) throws Exception {
        return (BasicOCSPResp) new OCSPResp(response).getResponseObject();
    }

    private static CertificateID id(BigInteger serial) throws Exception {
        return new CertificateID(Signers.digests().get(CertificateID.HASH_SHA1), KEYS.certificate(), serial);
    }

    private static byte[][] encoded(CertificateID[] ids) throws Exception {
        byte[][] encoded = new byte[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            encoded[i] = ids[i].toASN1Primitive().getEncoded(ASN1Encoding.DER);
        }
        return encoded;
    }

    private static DigestCalculator sha1() {
        try {
            return Signers.digests().get(RespID.HASH_SHA1);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
