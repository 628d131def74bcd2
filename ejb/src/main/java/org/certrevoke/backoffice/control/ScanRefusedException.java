package org.certrevoke.backoffice.control;

import jakarta.ejb.ApplicationException;

/** An uploaded scan that is not kept: nothing of the request was stored. */
@ApplicationException(rollback = true)
public class ScanRefusedException extends RuntimeException {

    public enum Why {
        EMPTY,
        TOO_LARGE,
        NOT_PDF
    }

    private final Why why;
    private final long largest;

    public ScanRefusedException(Why why, long largest) {
        super("scan refused: " + why);
        this.why = why;
        this.largest = largest;
    }

    public Why why() {
        return why;
    }

    /** The largest scan accepted, in bytes, for the message. */
    public long largest() {
        return largest;
    }
}
