package org.certrevoke.enterprise.control;

import java.time.Instant;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.Holder;

/** What the detail page shows of a certificate and its holder (seed 000 §2). */
public record CertificateDetail(String firstName, String lastName, String email, String establishment,
                                String service, String function, String serial, CertificateType type,
                                CertificateState state, String issuerDn, String subjectDn,
                                String subjectAlternativeNames, Instant notBefore, Instant notAfter,
                                Instant revokedAt) implements java.io.Serializable {

    public static CertificateDetail of(Certificate certificate, Instant now) {
        Holder holder = certificate.getHolder();
        return new CertificateDetail(holder.getName().getFirst(), holder.getName().getLast(), holder.getEmail(),
                holder.getEstablishment(), holder.getService(), holder.getFunction(), certificate.getSerial(),
                certificate.getType(), certificate.stateAt(now), certificate.getIssuerDn(),
                certificate.getSubjectDn(), certificate.getSubjectAlternativeNames(), certificate.getNotBefore(),
                certificate.getNotAfter(), certificate.getRevokedAt());
    }

    public boolean revocable() {
        return state == CertificateState.VALID;
    }
}
