/**
 * The holder's pages under /view/certificats/ (the former site's paths): search by e-mail and
 * identity-document number, then answer the questions, choose a reason, confirm.
 */
package org.certrevoke.revocation.web;
