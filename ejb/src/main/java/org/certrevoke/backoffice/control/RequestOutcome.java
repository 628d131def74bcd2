package org.certrevoke.backoffice.control;

import java.io.Serializable;
import org.certrevoke.revocation.control.RevocationReceipt;

/** A request revoked on the requester's behalf, and the revocation itself. */
public record RequestOutcome(RequestSummary request, RevocationReceipt receipt) implements Serializable {
}
