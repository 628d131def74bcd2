package org.certrevoke.backoffice.entity;

/** Who signed the form or made the call: both may ask for a revocation (seed 000 §3). */
public enum Signatory {
    HOLDER,
    LEGAL_REPRESENTATIVE
}
