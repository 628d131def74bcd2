/**
 * How revocation status is made public: the CRL encoder and its schedule, the OCSP responder and its
 * cache of pre-signed answers, and the signing keys the admin configures.
 */
package org.certrevoke.publication.control;
