package org.certrevoke.notification.control;

/** Fired when a mail enters the outbox, so delivery can start as soon as the transaction commits. */
public record MailQueued(long mailId) {
}
