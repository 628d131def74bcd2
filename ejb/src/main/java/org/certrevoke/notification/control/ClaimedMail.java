package org.certrevoke.notification.control;

import java.time.Instant;
import org.certrevoke.notification.entity.OutboxMail;

/** A mail a sender has claimed, read once with the claim: sending it needs no transaction and no row lock. */
public record ClaimedMail(long id, String token, String recipient, String subject, String sealedBody, Instant leaseUntil) {

    static ClaimedMail of(OutboxMail mail, String token) {
        return new ClaimedMail(mail.getId(), token, mail.getRecipient(), mail.getSubject(), mail.getBody(),
                mail.getLeaseUntil());
    }
}
