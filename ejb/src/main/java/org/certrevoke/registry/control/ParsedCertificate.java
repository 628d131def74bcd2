package org.certrevoke.registry.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the registry keeps of an X.509 certificate, decoded once at import so that search,
 * display and revocation never have to parse ASN.1 again.
 * <p>
 * The DER is copied in and out, and takes part in {@code equals}, so that two parses of the
 * same certificate are equal and no caller can alter a parsed value afterwards.
 *
 * @param serial                  lower-case hexadecimal serial number, as CRLs and OCSP
 *                                responders are looked up by
 * @param issuerDn                issuer name in RFC 4514 form
 * @param subjectDn               subject name in RFC 4514 form
 * @param subjectAlternativeNames e.g. {@code email:claire.martin@garage-taillan.example},
 *                                comma-separated; empty when the certificate has none
 * @param notBefore               start of validity
 * @param notAfter                end of validity
 * @param der                     the certificate as received
 */
public record ParsedCertificate(String serial, String issuerDn, String subjectDn,
        String subjectAlternativeNames, Instant notBefore, Instant notAfter, byte[] der) {

    public ParsedCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(issuerDn, "issuerDn");
        Objects.requireNonNull(subjectDn, "subjectDn");
        Objects.requireNonNull(subjectAlternativeNames, "subjectAlternativeNames");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        der = Objects.requireNonNull(der, "der").clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedCertificate that
                && serial.equals(that.serial)
                && issuerDn.equals(that.issuerDn)
                && subjectDn.equals(that.subjectDn)
                && subjectAlternativeNames.equals(that.subjectAlternativeNames)
                && notBefore.equals(that.notBefore)
                && notAfter.equals(that.notAfter)
                && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serial, issuerDn, subjectDn, subjectAlternativeNames, notBefore, notAfter)
                * 31 + Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "ParsedCertificate[serial=" + serial + ", issuerDn=" + issuerDn + ", subjectDn=" + subjectDn
                + ", subjectAlternativeNames=" + subjectAlternativeNames + ", notBefore=" + notBefore
                + ", notAfter=" + notAfter + ", der=" + der.length + " bytes]";
    }
}
