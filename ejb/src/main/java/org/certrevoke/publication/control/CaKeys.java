package org.certrevoke.publication.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;

/**
 * One CA's signing material: its certificate and key (CRLs, responder certificates) and the delegated
 * OCSP responder it issued, renewed once half of the responder's life is gone. The keys stay in memory.
 */
public final class CaKeys {

    private final String alias;
    private final long authorityId;
    private final X509Certificate certificate;
    private final X509CertificateHolder certificateHolder;
    private final PrivateKey key;
    private final Duration responderLifetime;
    private volatile OcspResponderKey responder;

    CaKeys(String alias, long authorityId, X509Certificate certificate, PrivateKey key, Duration responderLifetime) {
        this.alias = alias;
        this.authorityId = authorityId;
        this.certificate = certificate;
        this.key = key;
        this.responderLifetime = responderLifetime;
        try {
            this.certificateHolder = new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalArgumentException("Unreadable CA certificate of " + alias, e);
        }
    }

    public String alias() {
        return alias;
    }

    public long authorityId() {
        return authorityId;
    }

    public X509CertificateHolder certificate() {
        return certificateHolder;
    }

    public ContentSigner caSigner() {
        return Signers.forKey(key);
    }

    /** The CA's subject key identifier as an AuthorityKeyIdentifier extension value. */
    public byte[] authorityKeyIdentifier() {
        try {
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(certificateHolder.getExtensions());
            AuthorityKeyIdentifier aki = ski != null
                    ? new AuthorityKeyIdentifier(ski.getKeyIdentifier())
                    : new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getPublicKey());
            return aki.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public OcspResponderKey responder(Clock clock) {
        return responder(clock.instant());
    }

    /** The delegated responder's key and certificate, issued now when there is none or half its life is gone. */
    OcspResponderKey responder(Instant now) {
        OcspResponderKey current = responder;
        if (responderDue(current, now)) {
            synchronized (this) {
                current = responder;
                if (responderDue(current, now)) {
                    current = OcspResponderKey.issue(alias, authorityKeyIdentifier(), certificateHolder, key, now, responderLifetime);
                    responder = current;
                }
            }
        }
        return current;
    }

    /** Whether {@link #responder} would issue a new responder certificate (with the CA key) at {@code now}. */
    boolean responderDue(Instant now) {
        return responderDue(responder, now);
    }

    private static boolean responderDue(OcspResponderKey current, Instant now) {
        return current == null || current.halfLifeOver(now);
    }
}
