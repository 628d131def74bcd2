package org.certrevoke.enterprise.control;

import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.registry.entity.CertificateState;

/**
 * What the representative typed: any part of the holder's e-mail and name, and the state. Empty
 * fields do not filter; the filled ones must all match.
 */
public record CertificateFilter(String email, String name, CertificateState state) implements java.io.Serializable {

    public static final int LONGEST_FIELD = EmailAddress.MAX_LENGTH;

    public CertificateFilter {
        if (state == CertificateState.EXPIRED) {
            throw new IllegalArgumentException("the search offers valid and revoked certificates only");
        }
        if (email != null && email.length() > LONGEST_FIELD || name != null && name.length() > LONGEST_FIELD) {
            throw new IllegalArgumentException("search field too long");
        }
    }
}
