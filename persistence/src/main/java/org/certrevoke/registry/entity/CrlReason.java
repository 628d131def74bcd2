package org.certrevoke.registry.entity;

/** RFC 5280 §5.3.1 CRLReason codes that this CA publishes. */
public enum CrlReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    PRIVILEGE_WITHDRAWN(9);

    private final int code;

    CrlReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CrlReason ofCode(int code) {
        for (CrlReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        throw new IllegalArgumentException("CRLReason not used by this CA: " + code);
    }
}
