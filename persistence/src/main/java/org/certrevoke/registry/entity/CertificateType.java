package org.certrevoke.registry.entity;

/** The kinds of certificate the CA issues to a holder; the search page filters on them. */
public enum CertificateType {
    SIGNATURE,
    AUTHENTICATION
}
