package org.certrevoke.publication.control;

import java.security.PrivateKey;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signers on Bouncy Castle, passed as an instance and never registered globally: for ECDSA P-256 it
 * signs several times faster than the JDK's SunEC on these machines, and RSA is on par. A key that cannot
 * leave its token (PKCS#11) is signed with by the provider that holds it.
 */
final class Signers {

    static final Provider BC = new BouncyCastleProvider();

    private Signers() {
    }

    /** A fresh signer (signers are not thread-safe) with SHA-256 and the key's own algorithm. */
    static ContentSigner forKey(PrivateKey key) {
        String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            return key.getEncoded() != null
                    ? new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key)
                    : new JcaContentSignerBuilder(algorithm).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with a " + key.getAlgorithm() + " key", e);
        }
    }

    /** Digests on Bouncy Castle (SHA-1 for OCSP CertIDs and responder ids). */
    static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
