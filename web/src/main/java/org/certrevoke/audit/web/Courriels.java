package org.certrevoke.audit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.certrevoke.notification.boundary.OutboxReview;
import org.certrevoke.notification.control.MailNotWaitingException;
import org.certrevoke.notification.control.WaitingMail;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.LazyRows;
import org.certrevoke.web.Texts;

/** Backs backoffice/audit/courriels.xhtml: the mails still waiting for delivery, and their retries. */
@Named("auditMails")
@ViewScoped
public class Courriels implements LazyRows.Source<WaitingMail> {

    private static final long serialVersionUID = 1L;

    @Inject
    OutboxReview outbox;

    @Inject
    ClientAddress clientAddress;

    private final LazyRows<WaitingMail> rows = new LazyRows<>(this);

    public void retry(long mailId) {
        try {
            outbox.retry(mailId, clientAddress.get());
            Texts.info("audit.mails.retried", mailId);
        } catch (MailNotWaitingException e) {
            Texts.error("audit.mails.notWaiting", mailId);
        }
    }

    public void retryAll() {
        Texts.info("audit.mails.retriedAll", outbox.retryAll(clientAddress.get()));
    }

    @Override
    public long count() {
        return outbox.countWaiting();
    }

    @Override
    public List<WaitingMail> page(int first, int pageSize) {
        return outbox.waiting(first, pageSize);
    }

    @Override
    public String key(WaitingMail row) {
        return Long.toString(row.id());
    }

    public LazyRows<WaitingMail> getRows() {
        return rows;
    }
}
