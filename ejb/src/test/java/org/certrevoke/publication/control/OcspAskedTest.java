package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.certrevoke.demo.control.DemoPki;
import org.junit.jupiter.api.Test;

class OcspAskedTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final DemoPki CA = DemoPki.createCa("CN=Strict CA,O=certrevoke,C=FR", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(3650)));
    private static final ASN1ObjectIdentifier UNKNOWN = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    @Test
    void acceptsADerRequestWithOrWithoutNonce() throws Exception {
        byte[] plain = request();
        byte[] withNonce = request(nonce(wrapped(16), false));

        assertEquals(1, OcspAsked.parse(plain).size());
        assertArrayEquals(plain, OcspAsked.parse(plain).encoded());
        assertEquals(nonce(wrapped(16), false), OcspAsked.parse(withNonce).nonce());
    }

    @Test
    void refusesIndefiniteLengthsAnExplicitDefaultVersionAndTrailingBytes() throws Exception {
        byte[] der = request();
        ASN1Sequence tbs = ASN1Sequence.getInstance(ASN1Sequence.getInstance(der).getObjectAt(0));
        byte[] explicitVersion = new DERSequence(new DERSequence(new ASN1Encodable[] {
            new DERTaggedObject(true, 0, new ASN1Integer(0)), tbs.getObjectAt(0)})).getEncoded();
        byte[] trailing = Arrays.copyOf(der, der.length + 2);

        assertRefused(indefinite(der));
        assertRefused(explicitVersion);
        assertRefused(trailing);
    }

    @Test
    void acceptsNoncesOfOneToThirtyTwoOctetsAndRefusesOthers() throws Exception {
        for (int length : new int[] {1, 32}) {
            assertDoesNotThrow(() -> OcspAsked.parse(request(nonce(wrapped(length), false))), "nonce of " + length);
            assertDoesNotThrow(() -> OcspAsked.parse(request(nonce(new byte[length], false))), "bare nonce of " + length);
        }
        for (int length : new int[] {0, 33, 512}) {
            assertRefused(request(nonce(wrapped(length), false)));
            assertRefused(request(nonce(new byte[length], false)));
        }
    }

    @Test
    void refusesCriticalExtensionsItDoesNotUnderstandAndIgnoresTheOthers() throws Exception {
        Extension criticalUnknown = new Extension(UNKNOWN, true, new DEROctetString(DERNull.INSTANCE));
        Extension unknown = new Extension(UNKNOWN, false, new DEROctetString(DERNull.INSTANCE));
        byte[] criticalSingle = new OCSPReqBuilder().addRequest(id(), new Extensions(criticalUnknown)).build().getEncoded();

        assertRefused(request(criticalUnknown));
        assertRefused(criticalSingle);
        assertDoesNotThrow(() -> OcspAsked.parse(request(unknown)));
        assertDoesNotThrow(() -> OcspAsked.parse(request(nonce(wrapped(16), true))));
    }

    @Test
    void refusesAcceptableResponsesWithoutTheBasicType() throws Exception {
        Extension basic = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_response, false, new DEROctetString(
                new DERSequence(new ASN1Encodable[] {UNKNOWN, OCSPObjectIdentifiers.id_pkix_ocsp_basic})));
        Extension other = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_response, false,
                new DEROctetString(new DERSequence(UNKNOWN)));

        assertDoesNotThrow(() -> OcspAsked.parse(request(basic)));
        assertRefused(request(other));
    }

    @Test
    void refusesARequestForNothing() throws Exception {
        assertRefused(new DERSequence(new DERSequence(new DERSequence())).getEncoded());
    }

    private static void assertRefused(byte[] request) {
        assertThrows(Exception.class, () -> OcspAsked.parse(request));
    }

    private static byte[] request(Extension... extensions) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id());
        if (extensions.length > 0) {
            builder.setRequestExtensions(new Extensions(extensions));
        }
        return builder.build().getEncoded();
    }

    private static CertificateID id() throws Exception {
        return new CertificateID(Signers.digests().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(CA.certificate().getEncoded()), BigInteger.TEN);
    }

    /** RFC 8954: the extension's value is the DER of an OCTET STRING holding the nonce. */
    private static byte[] wrapped(int length) throws Exception {
        byte[] nonce = new byte[length];
        Arrays.fill(nonce, (byte) 0x5a);
        return new DEROctetString(nonce).getEncoded();
    }

    private static Extension nonce(byte[] value, boolean critical) {
        return new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, critical, new DEROctetString(value));
    }

    /** The outer SEQUENCE of a DER encoding with an indefinite length (BER), its content unchanged. */
    private static byte[] indefinite(byte[] der) {
        int lengthOctets = (der[1] & 0x80) == 0 ? 1 : 1 + (der[1] & 0x7f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(0x80);
        out.write(der, 1 + lengthOctets, der.length - 1 - lengthOctets);
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }
}
