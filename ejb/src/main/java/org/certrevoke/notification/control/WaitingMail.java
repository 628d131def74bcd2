package org.certrevoke.notification.control;

import java.io.Serializable;
import java.time.Instant;
import org.certrevoke.notification.entity.OutboxMail;

/**
 * A mail not delivered yet, as the auditor sees it: who it is for and what it is about, never its body
 * (some bodies carry cancellation or login codes).
 */
public record WaitingMail(long id, Instant createdAt, String recipient, String subject, int attempts,
                          Instant nextAttemptAt, String lastError, boolean sending) implements Serializable {

    public static WaitingMail of(OutboxMail mail) {
        return new WaitingMail(mail.getId(), mail.getCreatedAt(), mail.getRecipient(), mail.getSubject(),
                mail.getAttempts(), mail.getNextAttemptAt(), mail.getLastError(),
                mail.getStatus() == OutboxMail.Status.SENDING);
    }

    /** Refused at least once and waiting, as opposed to queued and not tried yet, or being sent. */
    public boolean failed() {
        return attempts > 0 && !sending;
    }
}
