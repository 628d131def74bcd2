package org.certrevoke.backoffice.control;

import java.io.Serializable;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.RevocationReason;

/** The reason an operator gives, with the answer to the lost-password follow-up question. */
public record Grounds(RevocationReason reason, boolean someoneElseMayKnowPassword) implements Serializable {

    public CrlReason published() {
        return reason.crlReason(someoneElseMayKnowPassword);
    }
}
