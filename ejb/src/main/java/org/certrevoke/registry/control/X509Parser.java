package org.certrevoke.registry.control;

import java.io.IOException;
import java.security.Provider;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * The single place where certificates coming from outside (RA import, uploads, demo mode)
 * are decoded and checked, so that every caller gets the same serial and DN spelling and the
 * same error for bad input.
 * <p>
 * Bouncy Castle is passed as a provider instance rather than registered globally, so that
 * this code does not change the JCA setup of the application server it runs in.
 */
public final class X509Parser {

    private static final Provider BC = new BouncyCastleProvider();

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private X509Parser() {
    }

    public static ParsedCertificate parse(byte[] der) {
        X509CertificateHolder holder = holder(der);
        try {
            return new ParsedCertificate(
                    holder.getSerialNumber().toString(16),
                    holder.getIssuer().toString(),
                    holder.getSubject().toString(),
                    SubjectAlternativeNames.describe(holder.getExtensions()),
                    holder.getNotBefore().toInstant(),
                    holder.getNotAfter().toInstant(),
                    der);
        } catch (RuntimeException malformedField) {
            throw new InvalidCertificateException("The certificate has a malformed field: "
                    + malformedField.getMessage(), malformedField);
        }
    }

    /**
     * Accepts exactly one {@code -----BEGIN CERTIFICATE-----} block, or bare base64 DER; a
     * pasted chain is refused rather than silently reduced to its first certificate.
     */
    public static ParsedCertificate parsePem(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidCertificateException("No certificate was given.");
        }
        return parse(base64(pemBody(pem)));
    }

    public static boolean isSignedBy(byte[] certificateDer, byte[] issuerDer) {
        try {
            X509CertificateHolder certificate = new X509CertificateHolder(certificateDer);
            X509CertificateHolder issuer = new X509CertificateHolder(issuerDer);
            return certificate.getIssuer().equals(issuer.getSubject())
                    && certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(issuer));
        } catch (Exception anyFailure) {
            return false;
        }
    }

    private static X509CertificateHolder holder(byte[] der) {
        if (der == null || der.length == 0) {
            throw new InvalidCertificateException("No certificate was given.");
        }
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException notACertificate) {
            throw new InvalidCertificateException("The data is not a DER-encoded X.509 certificate: "
                    + notACertificate.getMessage(), notACertificate);
        }
    }

    private static String pemBody(String text) {
        if (!text.contains("-----")) {
            return text;
        }
        Matcher matcher = PEM_BLOCK.matcher(text);
        if (!matcher.find()) {
            throw new InvalidCertificateException(
                    "The PEM text has no complete -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block.");
        }
        String body = matcher.group(1);
        if (matcher.find()) {
            throw new InvalidCertificateException("The PEM text holds several certificates; give only one.");
        }
        return body;
    }

    /** Strict decoding, because a lenient one would turn a truncated paste into a confusing ASN.1 error. */
    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCertificateException("The certificate text is not valid base64: "
                    + notBase64.getMessage(), notBase64);
        }
    }
}
