package org.certrevoke.registry.entity;

import java.util.Arrays;
import java.util.List;

/**
 * The reasons offered to whoever revokes (seed list of the French CA), each mapped to the RFC 5280
 * CRLReason code published in CRLs and OCSP responses.
 */
public enum RevocationReason {
    PASSWORD_LOST(CrlReason.CESSATION_OF_OPERATION),
    KEY_COMPROMISE(CrlReason.KEY_COMPROMISE),
    HOLDER_REQUEST(CrlReason.UNSPECIFIED),
    HOLDER_INFORMATION_UPDATE(CrlReason.AFFILIATION_CHANGED),
    OLD_KEYS_OVERWRITTEN(CrlReason.SUPERSEDED),
    INCORRECT_NAME(CrlReason.SUPERSEDED),
    WRONG_KEY_SIZE(CrlReason.SUPERSEDED),
    DEFECTIVE_CERTIFICATE(CrlReason.SUPERSEDED),
    CERTIFICATE_REPLACEMENT(CrlReason.SUPERSEDED),
    NON_PAYMENT(CrlReason.PRIVILEGE_WITHDRAWN),
    DEPARTURE_OR_TRANSFER(CrlReason.AFFILIATION_CHANGED);

    private final CrlReason crlReason;

    RevocationReason(CrlReason crlReason) {
        this.crlReason = crlReason;
    }

    /**
     * The published code. A lost password is only a cessation of use unless someone else may know
     * it, in which case the key must be treated as compromised.
     */
    public CrlReason crlReason(boolean someoneElseMayKnowPassword) {
        if (this == PASSWORD_LOST && someoneElseMayKnowPassword) {
            return CrlReason.KEY_COMPROMISE;
        }
        return crlReason;
    }

    /** Whether the follow-up question "may someone else know it?" must be asked. */
    public boolean asksWhetherOthersKnowPassword() {
        return this == PASSWORD_LOST;
    }

    /** Non-payment is a decision of the CA, never of the holder or the organisation. */
    public boolean operatorOnly() {
        return this == NON_PAYMENT;
    }

    public static List<RevocationReason> offeredToHoldersAndRepresentatives() {
        return Arrays.stream(values()).filter(reason -> !reason.operatorOnly()).toList();
    }

    /** Operators may give every reason, non-payment included. */
    public static List<RevocationReason> offeredToOperators() {
        return List.of(values());
    }

    public String messageKey() {
        return "reason." + name();
    }
}
