/** The outbox as the other features, the demo mailbox and the back office use it. */
package org.certrevoke.notification.boundary;
