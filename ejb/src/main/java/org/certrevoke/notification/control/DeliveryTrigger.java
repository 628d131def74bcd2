package org.certrevoke.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts delivery once the mail is committed, instead of waiting for the next scheduled round. */
@ApplicationScoped
public class DeliveryTrigger {

    @Inject
    OutboxDelivery delivery;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        delivery.deliverSoon();
    }
}
