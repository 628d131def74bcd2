package org.certrevoke.backoffice.entity;

/**
 * A request that cannot be recorded or handled as asked. Nothing was changed. Declared as an application
 * exception that rolls back in the EJB module's ejb-jar.xml, since this module knows nothing of EJB.
 */
public class RequestRefusedException extends RuntimeException {

    public enum Why {
        UNKNOWN_REQUEST,
        NOT_PENDING,
        SIGNATORY_REQUIRED,
        SIGNATORY_TOO_LONG,
        RECEIVED_REQUIRED,
        RECEIVED_IN_FUTURE,
        RECEIVED_TOO_LONG_AGO,
        CLOSING_REASON_REQUIRED,
        CLOSING_REASON_TOO_LONG
    }

    private final Why why;

    public RequestRefusedException(Why why) {
        super("request refused: " + why);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
