package org.certrevoke.audit.control;

/** The security events the CA must be able to account for. */
public enum AuditEventType {
    HOLDER_SEARCH,
    RATE_LIMITED,
    PROOF_FAILED,
    PROOF_SUCCEEDED,
    LOCKOUT,
    REVOCATION,
    REVOCATION_REFUSED,
    API_CALL,
    ORGANISATION_REGISTERED,
    ACCESS_KEY_REGENERATED,
    CERTIFICATE_REGISTERED,
    REGISTRATION_REFUSED
}
