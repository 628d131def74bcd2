/**
 * Revocation requests the CA's operators receive by phone or by registered post, kept with who asked,
 * who recorded them and what became of them, so that each can be shown to have been handled within
 * the 24 hours of ETSI EN 319 411-1 (REV-6.2.4-03A).
 */
package org.certrevoke.backoffice.entity;
