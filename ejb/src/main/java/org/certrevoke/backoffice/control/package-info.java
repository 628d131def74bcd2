/**
 * The back office: the CA's operators handle phone and postal revocation requests, its auditors
 * read the audit log, the outbox and the CRL status. Staff log in through WildFly Elytron.
 */
package org.certrevoke.backoffice.control;
