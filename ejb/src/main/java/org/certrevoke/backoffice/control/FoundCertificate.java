package org.certrevoke.backoffice.control;

import java.io.Serializable;
import java.time.Instant;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;

/** One certificate an operator found, with what tells it apart on the phone. */
public record FoundCertificate(String caAlias, String serial, CertificateType type, CertificateState state,
                               String holderName, String email, String organisation, Instant notBefore,
                               Instant notAfter) implements Serializable {

    public boolean revocable() {
        return state == CertificateState.VALID;
    }
}
