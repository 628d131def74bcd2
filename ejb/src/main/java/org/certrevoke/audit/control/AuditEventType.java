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
    STAFF_LOGIN_SUCCEEDED,
    STAFF_LOGIN_FAILED,
    STAFF_LOGOUT,
    STAFF_SEARCH,
    /** A revocation request form filled in with a certificate's data was downloaded. */
    POSTAL_FORM,
    AUDIT_CHAIN_VERIFIED,
    MAIL_RETRY_REQUESTED,
    REQUEST_RECORDED,
    REQUEST_ANSWERS_MATCHED,
    REQUEST_ANSWERS_FAILED,
    REQUEST_REVOKED,
    REQUEST_CLOSED,
    REQUEST_SCAN_DOWNLOADED,
    /** A CRL was issued without a revoked certificate whose row could not be listed. */
    CRL_ENTRY_SKIPPED,
    /** An auditor made every waiting mail due at once. */
    MAIL_RETRY_ALL_REQUESTED
}
