package org.certrevoke.publication.control;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A delegated OCSP responder (RFC 6960 §4.2.2.2): its own P-256 key, certified by the CA for
 * id-kp-OCSPSigning with id-pkix-ocsp-nocheck, so the CA key signs only CRLs and responder certificates,
 * and OCSP answers are signed with the fastest key type whatever the CA's key is.
 */
public record OcspResponderKey(X509CertificateHolder certificate, PrivateKey key, Instant notBefore, Instant notAfter) {

    private static final SecureRandom RANDOM = new SecureRandom();

    boolean halfLifeOver(Instant now) {
        return now.isAfter(notBefore.plus(Duration.between(notBefore, notAfter).dividedBy(2)));
    }

    public SubjectPublicKeyInfo publicKeyInfo() {
        return certificate.getSubjectPublicKeyInfo();
    }

    static OcspResponderKey issue(String alias, byte[] authorityKeyIdentifier, X509CertificateHolder caHolder, PrivateKey caKey,
                                  Instant now, Duration lifetime) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Signers.BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            Instant notBefore = now.minus(Duration.ofMinutes(5));
            Instant notAfter = now.plus(lifetime);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(caHolder.getSubject(),
                    new BigInteger(127, RANDOM).setBit(126), Date.from(notBefore), Date.from(notAfter),
                    new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "OCSP responder of " + alias).build(),
                    keys.getPublic())
                    .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier)
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning))
                    .addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE)
                    .build(Signers.forKey(caKey));
            return new OcspResponderKey(certificate, keys.getPrivate(), notBefore, notAfter);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue the OCSP responder certificate of " + alias, e);
        }
    }
}
