package org.certrevoke.revocation.control;

import java.time.Instant;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.RevocationReason;

/** One row of a result table: what the holder may see of a certificate. */
public record CertificateSummary(String serial, CertificateType type, CertificateState state, String commonName,
                                 String email, Instant notBefore, Instant notAfter, Instant revokedAt,
                                 RevocationReason reason) implements java.io.Serializable {

    public static CertificateSummary of(Certificate certificate, Instant now) {
        return new CertificateSummary(certificate.getSerial(), certificate.getType(), certificate.stateAt(now),
                commonName(certificate.getSubjectDn()), certificate.getHolder().getEmail(),
                certificate.getNotBefore(), certificate.getNotAfter(), certificate.getRevokedAt(),
                certificate.getRevocationReason());
    }

    public boolean revocable() {
        return state == CertificateState.VALID;
    }

    static String commonName(String subjectDn) {
        RDN[] names = new X500Name(subjectDn).getRDNs(BCStyle.CN);
        return names.length == 0 ? subjectDn : IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
