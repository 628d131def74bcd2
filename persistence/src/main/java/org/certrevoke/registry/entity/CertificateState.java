package org.certrevoke.registry.entity;

/** What a holder sees in the Etat column: expiry is not stored, it follows from the validity period. */
public enum CertificateState {
    VALID,
    REVOKED,
    EXPIRED
}
