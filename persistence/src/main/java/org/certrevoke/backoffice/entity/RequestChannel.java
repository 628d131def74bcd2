package org.certrevoke.backoffice.entity;

/** How a request reached the CA. */
public enum RequestChannel {
    /** The caller answered the personal questions to an operator (seed 001). */
    PHONE,
    /** A signed form came by registered post or by hand (seed 000 §3). */
    POSTAL
}
