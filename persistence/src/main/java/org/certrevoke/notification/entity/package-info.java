/** Outgoing e-mail, written in the same transaction as the event it reports and delivered later. */
package org.certrevoke.notification.entity;
