package org.certrevoke.demo.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certification authority for demo mode, so the application can be shown end to end
 * (import, revocation, CRL, OCSP) without access to the production CA.
 * <p>
 * Its key is meant to live in a PKCS#12 keystore between runs, so that CRLs and OCSP answers
 * for certificates issued earlier can still be signed. Bouncy Castle is passed as a provider
 * instance, never registered globally, to leave the server's JCA setup alone.
 */
public final class DemoPki {

    static final String KEYSTORE_ALIAS = "demo-ca";

    private static final Provider BC = new BouncyCastleProvider();
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private DemoPki(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    public static DemoPki createCa(String subjectDn, Instant notBefore, Instant notAfter) {
        KeyPair keyPair = newKeyPair();
        X500Name subject = new X500Name(subjectDn);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(),
                    Date.from(notBefore), Date.from(notAfter), subject, keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensionUtils().createSubjectKeyIdentifier(keyPair.getPublic()));
            return new DemoPki(keyPair, sign(builder, keyPair.getPrivate()));
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot build the demo CA certificate", e);
        }
    }

    public static DemoPki load(byte[] pkcs12, char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(new ByteArrayInputStream(pkcs12), password);
            if (!(keyStore.getKey(KEYSTORE_ALIAS, password) instanceof PrivateKey privateKey)
                    || !(keyStore.getCertificate(KEYSTORE_ALIAS) instanceof X509Certificate certificate)) {
                throw new IllegalArgumentException("The keystore has no demo CA key under alias '" + KEYSTORE_ALIAS + "'");
            }
            return new DemoPki(new KeyPair(certificate.getPublicKey(), privateKey), certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the demo CA keystore (wrong password or not PKCS#12)", e);
        }
    }

    public X509Certificate issue(IssueRequest request) {
        KeyPair holderKeys = newKeyPair();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, randomSerial(),
                    Date.from(request.notBefore()), Date.from(request.notAfter()), subject(request), holderKeys.getPublic())
                    .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier())
                    .addExtension(Extension.subjectKeyIdentifier, false, extensionUtils().createSubjectKeyIdentifier(holderKeys.getPublic()))
                    .addExtension(Extension.keyUsage, true, CertificateProfile.keyUsage(request.type()))
                    .addExtension(Extension.extendedKeyUsage, false, CertificateProfile.extendedKeyUsage(request.type()))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.rfc822Name, request.email())));
            if (request.publicationBaseUrl() != null) {
                PublicationPointers pointers = new PublicationPointers(request.publicationBaseUrl());
                builder.addExtension(Extension.cRLDistributionPoints, false, pointers.crlDistributionPoints())
                        .addExtension(Extension.authorityInfoAccess, false, pointers.authorityInformationAccess());
            }
            return sign(builder, keyPair.getPrivate());
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot build the certificate of " + request.commonName(), e);
        }
    }

    public byte[] toPkcs12(char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(KEYSTORE_ALIAS, keyPair.getPrivate(), password, new Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore.store(out, password);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the demo CA keystore", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    private static X500Name subject(IssueRequest request) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, request.commonName())
                .addRDN(BCStyle.O, request.organisation())
                .addRDN(BCStyle.C, "FR")
                .build();
    }

    /** Reuses the CA's own key identifier, so chains build even with a CA loaded from elsewhere. */
    private AuthorityKeyIdentifier authorityKeyIdentifier() {
        try {
            SubjectKeyIdentifier caKeyId = SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(certificate).getExtensions());
            return caKeyId != null
                    ? new AuthorityKeyIdentifier(caKeyId.getKeyIdentifier())
                    : extensionUtils().createAuthorityKeyIdentifier(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the demo CA certificate", e);
        }
    }

    /** 16 random octets with the top bit clear and the next set: positive, and always 32 hex digits. */
    private static BigInteger randomSerial() {
        byte[] octets = new byte[16];
        RANDOM.nextBytes(octets);
        octets[0] = (byte) ((octets[0] & 0x7f) | 0x40);
        return new BigInteger(1, octets);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key pair", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BC).build(signingKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a demo certificate", e);
        }
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available for key identifiers", e);
        }
    }
}
