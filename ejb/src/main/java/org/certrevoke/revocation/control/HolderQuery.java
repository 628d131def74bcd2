package org.certrevoke.revocation.control;

import java.io.Serializable;
import org.certrevoke.registry.entity.CertificateType;

/** What a holder types on the search page; {@code type} null means every type. */
public record HolderQuery(CertificateType type, String email, String idDocumentNumber) implements Serializable {

    @Override
    public String toString() {
        return "HolderQuery[type=" + type + ", email=" + email + "]";
    }
}
