package org.certrevoke.demo.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.certrevoke.notification.boundary.Outbox;

/** Backs demo/mailbox.xhtml: the newest mails first. */
@Named
@RequestScoped
public class Mailbox {

    private static final int SHOWN = 100;

    @Inject
    Outbox outbox;

    private List<Outbox.Mail> mails;

    public List<Outbox.Mail> getMails() {
        if (mails == null) {
            mails = outbox.newestFirst(SHOWN);
        }
        return mails;
    }
}
