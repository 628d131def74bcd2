package org.certrevoke.registry.control;

import jakarta.ejb.ApplicationException;

/**
 * The issuing system sent something the registry cannot accept. Each {@link Why} is one problem type
 * the API answers with, so the issuing system can act on the cause without parsing prose.
 */
@ApplicationException(rollback = true)
public class RegistrationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Why {
        MALFORMED_CERTIFICATE,
        UNKNOWN_ISSUER,
        BAD_SIGNATURE,
        DUPLICATE_CERTIFICATE,
        UNKNOWN_ORGANISATION,
        DUPLICATE_ORGANISATION,
        UNKNOWN_CERTIFICATE,
        MISSING_FIELD,
        INVALID_FIELD
    }

    private final Why why;

    public RegistrationRefusedException(Why why, String detail) {
        super(detail);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
