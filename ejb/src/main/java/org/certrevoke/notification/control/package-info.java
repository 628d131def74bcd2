/** Turns events into e-mails in the outbox, and delivers the outbox with retries. */
package org.certrevoke.notification.control;
