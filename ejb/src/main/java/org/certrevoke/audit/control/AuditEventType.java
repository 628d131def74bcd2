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
    REGISTRATION_REFUSED,
    ENTERPRISE_KEY_ACCEPTED,
    ENTERPRISE_LOGIN_FAILED,
    ENTERPRISE_EMAIL_FAILED,
    ENTERPRISE_CODE_SENT,
    ENTERPRISE_CODE_FAILED,
    ENTERPRISE_LOGIN_SUCCEEDED,
    ENTERPRISE_LOGOUT,
    ENTERPRISE_SEARCH,
    ENTERPRISE_DETAIL,
    /** A revocation request form filled in with a certificate's data was downloaded. */
    POSTAL_FORM
}
