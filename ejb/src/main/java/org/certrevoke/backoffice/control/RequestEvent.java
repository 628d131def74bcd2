package org.certrevoke.backoffice.control;

/**
 * Something an operator did with a request, fired inside the transaction that did it, so that its audit
 * record commits with it or not at all. {@code requestId} is null for a phone check that has no request yet.
 */
public record RequestEvent(Kind kind, Long requestId, String serial, String operator, String clientAddress,
                           String details) {

    public enum Kind {
        RECORDED,
        ANSWERS_MATCHED,
        ANSWERS_FAILED,
        REVOKED,
        CLOSED,
        SCAN_DOWNLOADED
    }
}
