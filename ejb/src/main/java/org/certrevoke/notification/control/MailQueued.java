package org.certrevoke.notification.control;

/** Fired when a mail enters the outbox, so delivery can start as soon as the transaction commits. */
public record MailQueued(long mailId) {

    /** The id of an event that stands for several mails made due at once. */
    public static final long SEVERAL = 0;
}
