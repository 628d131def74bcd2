package org.certrevoke.web;

import java.io.Serializable;
import java.util.List;
import org.certrevoke.registry.entity.RevocationReason;

/**
 * The reason a holder or a representative gives, with the follow-up question for a lost password
 * (may someone else know it? then the key counts as compromised). Every revocation page asks it the
 * same way, through {@code /WEB-INF/includes/reason-choice.xhtml}.
 */
public class ReasonChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private RevocationReason reason;
    private Boolean someoneElseMayKnow;

    public List<RevocationReason> getOptions() {
        return RevocationReason.offeredToHoldersAndRepresentatives();
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
