/**
 * The auditor's pages under {@code /backoffice/audit/}: the audit log with its chain check, the mail
 * outbox and the CRL of every CA. The backing beans hold form state and call the boundaries; the
 * boundaries check the auditor role.
 */
package org.certrevoke.audit.web;
