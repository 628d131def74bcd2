package org.certrevoke.notification.control;

import jakarta.ejb.ApplicationException;

/** A retry asked for a mail that is unknown or already delivered; nothing is changed. */
@ApplicationException(rollback = true)
public class MailNotWaitingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailNotWaitingException(long id) {
        super("no mail " + id + " waits for delivery");
    }
}
