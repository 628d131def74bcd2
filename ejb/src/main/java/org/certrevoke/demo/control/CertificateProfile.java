package org.certrevoke.demo.control;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.certrevoke.registry.entity.CertificateType;

/**
 * The key usages of each kind of holder certificate, kept apart from the certificate
 * building so that the profile a relying party sees can be read in one place.
 */
final class CertificateProfile {

    private CertificateProfile() {
    }

    static KeyUsage keyUsage(CertificateType type) {
        return switch (type) {
            case SIGNATURE -> new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
            case AUTHENTICATION -> new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement);
        };
    }

    static ExtendedKeyUsage extendedKeyUsage(CertificateType type) {
        KeyPurposeId[] purposes = switch (type) {
            case SIGNATURE -> new KeyPurposeId[] {KeyPurposeId.id_kp_emailProtection};
            case AUTHENTICATION -> new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection};
        };
        return new ExtendedKeyUsage(purposes);
    }
}
