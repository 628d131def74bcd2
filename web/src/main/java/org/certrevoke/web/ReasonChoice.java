package org.certrevoke.web;

import java.io.Serializable;
import java.util.List;
import org.certrevoke.registry.entity.RevocationReason;

/**
 * The reason a holder, a representative or an operator gives, with the follow-up question for a lost
 * password (may someone else know it? then the key counts as compromised). Every revocation page asks it
 * the same way, through {@code /WEB-INF/includes/reason-choice.xhtml}; only an operator's choice offers
 * the reasons reserved to the CA (non-payment).
 */
public class ReasonChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean operator;
    private RevocationReason reason;
    private Boolean someoneElseMayKnow;

    /** The choice of a holder or a legal representative. */
    public ReasonChoice() {
        this(false);
    }

    private ReasonChoice(boolean operator) {
        this.operator = operator;
    }

    /** The choice of a CA operator: every reason. */
    public static ReasonChoice forOperator() {
        return new ReasonChoice(true);
    }

    public List<RevocationReason> getOptions() {
        return operator ? RevocationReason.offeredToOperators() : RevocationReason.offeredToHoldersAndRepresentatives();
    }

    public boolean isAskingWhetherOthersKnow() {
        return reason != null && reason.asksWhetherOthersKnowPassword();
    }

    public boolean someoneElseMayKnowPassword() {
        return Boolean.TRUE.equals(someoneElseMayKnow);
    }

    public void clear() {
        reason = null;
        someoneElseMayKnow = null;
    }

    public RevocationReason getReason() {
        return reason;
    }

    public void setReason(RevocationReason reason) {
        this.reason = reason;
    }

    public Boolean getSomeoneElseMayKnow() {
        return someoneElseMayKnow;
    }

    public void setSomeoneElseMayKnow(Boolean someoneElseMayKnow) {
        this.someoneElseMayKnow = someoneElseMayKnow;
    }
}
