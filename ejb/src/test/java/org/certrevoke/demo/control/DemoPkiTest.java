package org.certrevoke.demo.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.certrevoke.registry.entity.CertificateType;
import org.junit.jupiter.api.Test;

class DemoPkiTest {

    private static final Instant NOT_BEFORE = Instant.parse("2025-01-15T08:30:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2028-01-15T08:30:00Z");
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_AGREEMENT = 4;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private final DemoPki ca = DemoPki.createCa("CN=Certrevoke Demo CA,O=Certrevoke,C=FR", NOT_BEFORE, NOT_AFTER);

    @Test
    void createsSelfSignedCaAllowedToSignCertificatesAndCrls() throws Exception {
        X509Certificate certificate = ca.certificate();

        certificate.verify(ca.keyPair().getPublic());
        assertEquals(Integer.MAX_VALUE, certificate.getBasicConstraints());
        assertTrue(certificate.getKeyUsage()[KEY_CERT_SIGN]);
        assertTrue(certificate.getKeyUsage()[CRL_SIGN]);
        assertTrue(certificate.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", KEY_USAGE)));
        assertNotNull(certificate.getExtensionValue("2.5.29.14"), "subject key identifier");
    }

    @Test
    void issuesP256EndEntityCertificateSignedByCaWith32HexDigitSerial() throws Exception {
        X509Certificate issued = ca.issue(request(CertificateType.SIGNATURE, null));

        issued.verify(ca.keyPair().getPublic());
        assertEquals(-1, issued.getBasicConstraints());
        assertEquals(32, issued.getSerialNumber().toString(16).length());
        assertEquals(256, ((ECPublicKey) issued.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertEquals("SHA256withECDSA", issued.getSigAlgName());
    }

    @Test
    void givesEachCertificateItsOwnSerialAndKey() {
        X509Certificate first = ca.issue(request(CertificateType.SIGNATURE, null));
        X509Certificate second = ca.issue(request(CertificateType.SIGNATURE, null));

        assertFalse(first.getSerialNumber().equals(second.getSerialNumber()));
        assertFalse(Arrays.equals(first.getPublicKey().getEncoded(), second.getPublicKey().getEncoded()));
    }

    @Test
    void linksAuthorityKeyIdentifierToCaSubjectKeyIdentifier() throws Exception {
        X509Certificate issued = ca.issue(request(CertificateType.SIGNATURE, null));

        byte[] caKeyId = SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(ca.certificate()).getExtensions())
                .getKeyIdentifier();
        byte[] authorityKeyId = AuthorityKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(issued).getExtensions())
                .getKeyIdentifierOctets();
        assertArrayEquals(caKeyId, authorityKeyId);
    }

    @Test
    void putsEmailInSubjectAlternativeName() throws Exception {
        X509Certificate issued = ca.issue(request(CertificateType.SIGNATURE, null));

        GeneralName[] names = GeneralNames.fromExtensions(new JcaX509CertificateHolder(issued).getExtensions(),
                Extension.subjectAlternativeName).getNames();
        assertEquals(1, names.length);
        assertEquals(GeneralName.rfc822Name, names[0].getTagNo());
        assertEquals("claire.martin@garage-taillan.example", names[0].getName().toString());
    }

    @Test
    void givesSignatureCertificateNonRepudiationAndEmailProtection() throws Exception {
        X509Certificate issued = ca.issue(request(CertificateType.SIGNATURE, null));

        assertTrue(issued.getKeyUsage()[DIGITAL_SIGNATURE]);
        assertTrue(issued.getKeyUsage()[NON_REPUDIATION]);
        assertFalse(issued.getKeyUsage()[KEY_AGREEMENT]);
        assertTrue(issued.getCriticalExtensionOIDs().contains(KEY_USAGE));
        assertEquals(List.of(EMAIL_PROTECTION), issued.getExtendedKeyUsage());
    }

    @Test
    void givesAuthenticationCertificateClientAuthAndKeyAgreement() throws Exception {
        X509Certificate issued = ca.issue(request(CertificateType.AUTHENTICATION, null));

        assertTrue(issued.getKeyUsage()[DIGITAL_SIGNATURE]);
        assertTrue(issued.getKeyUsage()[KEY_AGREEMENT]);
        assertFalse(issued.getKeyUsage()[NON_REPUDIATION]);
        assertEquals(List.of(CLIENT_AUTH, EMAIL_PROTECTION), issued.getExtendedKeyUsage());
    }

    @Test
    void pointsToCrlAndOcspWhenBaseUrlIsGiven() throws Exception {
        JcaX509CertificateHolder issued = new JcaX509CertificateHolder(
                ca.issue(request(CertificateType.SIGNATURE, "http://localhost:8080/")));

        CRLDistPoint crl = CRLDistPoint.fromExtensions(issued.getExtensions());
        GeneralName crlUrl = GeneralNames.getInstance(crl.getDistributionPoints()[0].getDistributionPoint().getName()).getNames()[0];
        assertEquals("http://localhost:8080/crl/demo-ca.crl", crlUrl.getName().toString());

        AccessDescription[] access = AuthorityInformationAccess.fromExtensions(issued.getExtensions()).getAccessDescriptions();
        assertEquals(AccessDescription.id_ad_ocsp, access[0].getAccessMethod());
        assertEquals("http://localhost:8080/ocsp", access[0].getAccessLocation().getName().toString());
        assertEquals(AccessDescription.id_ad_caIssuers, access[1].getAccessMethod());
        assertEquals("http://localhost:8080/ca/demo-ca.crt", access[1].getAccessLocation().getName().toString());
    }

    @Test
    void omitsCrlAndOcspPointersWithoutBaseUrl() throws Exception {
        JcaX509CertificateHolder issued = new JcaX509CertificateHolder(ca.issue(request(CertificateType.SIGNATURE, null)));

        assertNull(CRLDistPoint.fromExtensions(issued.getExtensions()));
        assertNull(AuthorityInformationAccess.fromExtensions(issued.getExtensions()));
    }

    @Test
    void refusesValidityEndingBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new IssueRequest("Claire Martin", "Garage du Taillan",
                "claire.martin@garage-taillan.example", CertificateType.SIGNATURE, NOT_AFTER, NOT_BEFORE, null));
    }

    @Test
    void keepsCertificateAndKeyThroughPkcs12() throws Exception {
        char[] password = "demo-secret".toCharArray();

        DemoPki loaded = DemoPki.load(ca.toPkcs12(password), password);

        assertEquals(ca.certificate(), loaded.certificate());
        byte[] message = "revoke 4f2a".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(loaded.privateKey());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(ca.certificate().getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void loadedCaIssuesCertificatesVerifiableByOriginalCertificate() throws Exception {
        char[] password = "demo-secret".toCharArray();

        DemoPki loaded = DemoPki.load(ca.toPkcs12(password), password);

        loaded.issue(request(CertificateType.AUTHENTICATION, null)).verify(ca.certificate().getPublicKey());
    }

    @Test
    void refusesKeystoreWithWrongPassword() {
        byte[] pkcs12 = ca.toPkcs12("right".toCharArray());

        assertThrows(IllegalArgumentException.class, () -> DemoPki.load(pkcs12, "wrong".toCharArray()));
    }

    private static IssueRequest request(CertificateType type, String publicationBaseUrl) {
        return new IssueRequest("Claire Martin", "Garage du Taillan", "claire.martin@garage-taillan.example",
                type, NOT_BEFORE, NOT_AFTER.minusSeconds(86_400), publicationBaseUrl);
    }
}
