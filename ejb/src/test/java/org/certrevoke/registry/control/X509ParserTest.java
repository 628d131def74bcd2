package org.certrevoke.registry.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.demo.control.IssueRequest;
import org.certrevoke.registry.entity.CertificateType;
import org.junit.jupiter.api.Test;

class X509ParserTest {

    private static final Instant NOT_BEFORE = Instant.parse("2025-01-15T08:30:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2028-01-15T08:30:00Z");
    private static final String CA_DN = "CN=Certrevoke Demo CA,O=Certrevoke,C=FR";

    private final DemoPki ca = DemoPki.createCa(CA_DN, NOT_BEFORE.minus(1, ChronoUnit.DAYS), NOT_AFTER.plus(365, ChronoUnit.DAYS));

    @Test
    void parsesIssuedCertificateBack() throws Exception {
        X509Certificate issued = issueClaire();

        ParsedCertificate parsed = X509Parser.parse(issued.getEncoded());

        assertAll(
                () -> assertEquals(issued.getSerialNumber().toString(16), parsed.serial()),
                () -> assertEquals("CN=Claire Martin,O=Garage du Taillan,C=FR", parsed.subjectDn()),
                () -> assertEquals(CA_DN, parsed.issuerDn()),
                () -> assertEquals("email:claire.martin@garage-taillan.example", parsed.subjectAlternativeNames()),
                () -> assertEquals(NOT_BEFORE, parsed.notBefore()),
                () -> assertEquals(NOT_AFTER, parsed.notAfter()),
                () -> assertEquals(Base64.getEncoder().encodeToString(issued.getEncoded()),
                        Base64.getEncoder().encodeToString(parsed.der())));
    }

    @Test
    void givesEmptyAlternativeNamesWhenCertificateHasNone() throws Exception {
        assertEquals("", X509Parser.parse(ca.certificate().getEncoded()).subjectAlternativeNames());
    }

    @Test
    void listsAlternativeNamesOfEveryKindSeparatedByCommas() throws Exception {
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.rfc822Name, "claire.martin@garage-taillan.example"),
            new GeneralName(GeneralName.dNSName, "garage-taillan.example"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "https://garage-taillan.example/"),
            new GeneralName(GeneralName.iPAddress, "192.0.2.7")
        });
        byte[] der = signedByCa(new X500Name(CA_DN), names);

        assertEquals("email:claire.martin@garage-taillan.example, dns:garage-taillan.example, "
                + "uri:https://garage-taillan.example/, other:192.0.2.7",
                X509Parser.parse(der).subjectAlternativeNames());
    }

    @Test
    void givesEqualResultsForPemAndDer() throws Exception {
        byte[] der = issueClaire().getEncoded();
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";

        assertEquals(X509Parser.parse(der), X509Parser.parsePem(pem));
    }

    @Test
    void acceptsBareBase64Der() throws Exception {
        byte[] der = issueClaire().getEncoded();

        assertEquals(X509Parser.parse(der), X509Parser.parsePem(Base64.getEncoder().encodeToString(der)));
    }

    @Test
    void refusesGarbageBytes() {
        byte[] garbage = "this is not a certificate".getBytes(StandardCharsets.US_ASCII);

        assertThrows(InvalidCertificateException.class, () -> X509Parser.parse(garbage));
    }

    @Test
    void refusesEmptyBytes() {
        assertThrows(InvalidCertificateException.class, () -> X509Parser.parse(new byte[0]));
    }

    @Test
    void refusesTruncatedDer() throws Exception {
        byte[] der = issueClaire().getEncoded();
        byte[] truncated = Arrays.copyOf(der, der.length - 10);

        assertThrows(InvalidCertificateException.class, () -> X509Parser.parse(truncated));
    }

    @Test
    void refusesPemWithoutEndLine() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder().encodeToString(issueClaire().getEncoded());

        InvalidCertificateException refused = assertThrows(InvalidCertificateException.class, () -> X509Parser.parsePem(pem));
        assertTrue(refused.getMessage().contains("BEGIN CERTIFICATE"), refused.getMessage());
    }

    @Test
    void refusesPemWithInvalidBase64() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB*not*base64!!\n-----END CERTIFICATE-----\n";

        assertThrows(InvalidCertificateException.class, () -> X509Parser.parsePem(pem));
    }

    @Test
    void refusesPemOfAnotherKind() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

        assertThrows(InvalidCertificateException.class, () -> X509Parser.parsePem(pem));
    }

    @Test
    void refusesValidBase64ThatIsNotACertificate() {
        String notACertificate = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII));

        assertThrows(InvalidCertificateException.class, () -> X509Parser.parsePem(notACertificate));
    }

    @Test
    void refusesPemChain() throws Exception {
        String block = "-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder().encodeToString(issueClaire().getEncoded())
                + "\n-----END CERTIFICATE-----\n";

        assertThrows(InvalidCertificateException.class, () -> X509Parser.parsePem(block + block));
    }

    @Test
    void refusesBlankPem() {
        assertThrows(InvalidCertificateException.class, () -> X509Parser.parsePem("  \n"));
    }

    @Test
    void recognisesCertificateSignedByItsCa() throws Exception {
        assertTrue(X509Parser.isSignedBy(issueClaire().getEncoded(), ca.certificate().getEncoded()));
    }

    @Test
    void rejectsCaWithSameNameButOtherKey() throws Exception {
        DemoPki impostor = DemoPki.createCa(CA_DN, NOT_BEFORE, NOT_AFTER);

        assertFalse(X509Parser.isSignedBy(issueClaire().getEncoded(), impostor.certificate().getEncoded()));
    }

    @Test
    void rejectsCaWithOtherName() throws Exception {
        DemoPki other = DemoPki.createCa("CN=Other CA,O=Elsewhere,C=FR", NOT_BEFORE, NOT_AFTER);

        assertFalse(X509Parser.isSignedBy(issueClaire().getEncoded(), other.certificate().getEncoded()));
    }

    @Test
    void rejectsTamperedSignature() throws Exception {
        byte[] der = issueClaire().getEncoded();
        der[der.length - 1] ^= 0x01;

        assertFalse(X509Parser.isSignedBy(der, ca.certificate().getEncoded()));
    }

    @Test
    void rejectsValidSignatureUnderAnotherIssuerName() throws Exception {
        byte[] der = signedByCa(new X500Name("CN=Someone Else,C=FR"), null);

        assertFalse(X509Parser.isSignedBy(der, ca.certificate().getEncoded()));
    }

    @Test
    void rejectsGarbageWithoutThrowing() throws Exception {
        assertFalse(X509Parser.isSignedBy(new byte[] {1, 2, 3}, ca.certificate().getEncoded()));
    }

    private X509Certificate issueClaire() {
        return ca.issue(new IssueRequest("Claire Martin", "Garage du Taillan", "claire.martin@garage-taillan.example",
                CertificateType.SIGNATURE, NOT_BEFORE, NOT_AFTER, null));
    }

    private byte[] signedByCa(X500Name issuer, GeneralNames alternativeNames) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.TEN,
                Date.from(NOT_BEFORE), Date.from(NOT_AFTER), new X500Name("CN=Test,C=FR"), ca.keyPair().getPublic());
        if (alternativeNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(new BouncyCastleProvider()).build(ca.privateKey())).getEncoded();
    }
}
