package org.certrevoke.load;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** OCSP requests for the load tests, for certificates of the CA whose certificate the server publishes. */
final class OcspRequests {

    private final X509CertificateHolder ca;
    private final DigestCalculator sha1;
    private final SecureRandom random = new SecureRandom();

    OcspRequests(String baseUrl, String alias) {
        try (InputStream der = URI.create(baseUrl + "/ca/" + alias + ".crt").toURL().openStream()) {
            ca = new X509CertificateHolder(der.readAllBytes());
            sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot read the CA certificate of " + alias + " at " + baseUrl, e);
        }
    }

    /** Without nonce: the server answers it from its cache of signed answers after the first time. */
    byte[] plain(String serialHex) {
        return request(serialHex, false);
    }

    /** With a fresh nonce: signed for this request alone. */
    byte[] withNonce(String serialHex) {
        return request(serialHex, true);
    }

    private byte[] request(String serialHex, boolean nonce) {
        try {
            OCSPReqBuilder builder = new OCSPReqBuilder()
                    .addRequest(new CertificateID(sha1, ca, new BigInteger(serialHex, 16)));
            if (nonce) {
                byte[] value = new byte[16];
                random.nextBytes(value);
                builder.setRequestExtensions(new Extensions(
                        new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(value))));
            }
            return builder.build().getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
