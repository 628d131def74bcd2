package org.certrevoke.backoffice.entity;

/** Where a request stands. Only a pending request counts against the 24-hour clock. */
public enum RequestState {
    PENDING,
    REVOKED,
    CLOSED
}
