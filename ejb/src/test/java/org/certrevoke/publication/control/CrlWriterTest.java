package org.certrevoke.publication.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.certrevoke.demo.control.DemoPki;
import org.junit.jupiter.api.Test;

class CrlWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final DemoPki CA = DemoPki.createCa("CN=Test CA,O=certrevoke,C=FR", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(3650)));
    private static final CaKeys KEYS = new CaKeys("test-ca", 1, CA.certificate(), CA.privateKey(), Duration.ofDays(30));

    private static final List<CrlEntry> ENTRIES = List.of(
            new CrlEntry(new BigInteger("6f1e2d3c4b5a69788796a5b4c3d2e1f0", 16), NOW.minus(Duration.ofDays(12)), 4),
            new CrlEntry(BigInteger.ONE, NOW.minus(Duration.ofHours(3)), 0),
            new CrlEntry(new BigInteger("40000000000000000000000000000001", 16), NOW.minus(Duration.ofDays(900)), 1),
            new CrlEntry(BigInteger.valueOf(255), Instant.parse("2051-01-01T00:00:00Z"), 9),
            new CrlEntry(new BigInteger("80000000000000000000000000000000", 16), Instant.parse("2049-12-31T23:59:59Z"), 3),
            new CrlEntry(BigInteger.valueOf(128), Instant.parse("2050-01-01T00:00:00Z"), 5),
            new CrlEntry(BigInteger.TEN, Instant.parse("1999-01-02T03:04:05Z"), 10),
            new CrlEntry(BigInteger.valueOf(11), NOW.minus(Duration.ofHours(5)), 1, NOW.minus(Duration.ofDays(2))),
            new CrlEntry(BigInteger.valueOf(12), NOW.minus(Duration.ofHours(6)), 0, NOW.minus(Duration.ofDays(3))),
            new CrlEntry(new BigInteger("7f".repeat(20), 16), NOW.minus(Duration.ofHours(7)), 9,
                    Instant.parse("2051-06-01T00:00:00Z")));

    @Test
    void writesTheSameToBeSignedBytesAsBouncyCastlesBuilder() throws Exception {
        byte[] written = write(ENTRIES, 42);

        X509v2CRLBuilder builder = new X509v2CRLBuilder(KEYS.certificate().getSubject(), Date.from(NOW))
                .setNextUpdate(Date.from(NOW.plus(Duration.ofHours(24))));
        for (CrlEntry entry : ENTRIES) {
            if (entry.invalidityDate() == null) {
                builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), entry.reasonCode());
            } else {
                builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), entry.reasonCode(),
                        Date.from(entry.invalidityDate()));
            }
        }
        builder.addExtension(Extension.authorityKeyIdentifier, false, KEYS.authorityKeyIdentifier());
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(42)));
        builder.addExtension(Extension.expiredCertsOnCRL, false,
                new ASN1GeneralizedTime(KEYS.certificate().getNotBefore()));
        X509CRLHolder reference = builder.build(KEYS.caSigner());

        assertArrayEquals(reference.toASN1Structure().getTBSCertList().getEncoded(),
                new X509CRLHolder(written).toASN1Structure().getTBSCertList().getEncoded());
    }

    @Test
    void isSignedByTheCaAndReadByTheJdk() throws Exception {
        byte[] written = write(ENTRIES, 7);

        assertTrue(new X509CRLHolder(written).isSignatureValid(
                new JcaContentVerifierProviderBuilder().build(CA.certificate())));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(written));
        crl.verify(CA.certificate().getPublicKey());
        assertEquals(2, crl.getVersion());
        assertEquals(ENTRIES.size(), crl.getRevokedCertificates().size());
        assertNull(crl.getRevokedCertificate(BigInteger.ONE).getRevocationReason());
        assertEquals(java.security.cert.CRLReason.SUPERSEDED, crl.getRevokedCertificate(
                new BigInteger("6f1e2d3c4b5a69788796a5b4c3d2e1f0", 16)).getRevocationReason());
    }

    @Test
    void publishesTheInvalidityDateAndThatExpiredCertificatesStay() throws Exception {
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(write(ENTRIES, 8)));

        byte[] invalidity = crl.getRevokedCertificate(BigInteger.valueOf(12)).getExtensionValue("2.5.29.24");
        assertEquals(new ASN1GeneralizedTime(Date.from(NOW.minus(Duration.ofDays(3)))),
                ASN1GeneralizedTime.getInstance(ASN1OctetString.getInstance(invalidity).getOctets()));
        assertFalse(crl.getRevokedCertificate(BigInteger.valueOf(12)).getCriticalExtensionOIDs().contains("2.5.29.24"));
        assertNull(crl.getRevokedCertificate(BigInteger.ONE).getExtensionValue("2.5.29.24"));
        assertEquals(new ASN1GeneralizedTime(CA.certificate().getNotBefore()), ASN1GeneralizedTime.getInstance(
                ASN1OctetString.getInstance(crl.getExtensionValue("2.5.29.60")).getOctets()));
        assertFalse(crl.getCriticalExtensionOIDs().contains("2.5.29.60"));
    }

    @Test
    void anEmptyCrlHasNoRevokedCertificatesField() throws Exception {
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(write(List.of(), 1)));

        crl.verify(CA.certificate().getPublicKey());
        assertNull(crl.getRevokedCertificates());
    }

    private static byte[] write(List<CrlEntry> entries, long number) {
        CrlWriter writer = new CrlWriter(KEYS.certificate(), KEYS.authorityKeyIdentifier());
        entries.forEach(writer::add);
        return writer.sign(KEYS.caSigner(), number, NOW, NOW.plus(Duration.ofHours(24)));
    }
}
