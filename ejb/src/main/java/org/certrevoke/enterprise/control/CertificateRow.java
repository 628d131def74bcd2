package org.certrevoke.enterprise.control;

import java.time.Instant;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;

/** One line of the organisation's result table, read without the certificate's DER. */
public record CertificateRow(String serial, CertificateType type, CertificateState state, String holderName,
                             String email, Instant notBefore, Instant notAfter) implements java.io.Serializable {

    public boolean revocable() {
        return state == CertificateState.VALID;
    }
}
