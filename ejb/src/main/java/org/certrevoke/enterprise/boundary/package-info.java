/**
 * The enterprise area (seed 000 §2): a legal representative logs in with the organisation's identifier,
 * its access key and an e-mailed code, then searches and revokes the organisation's certificates.
 * Every method takes the representative's id from the server-side session and derives the
 * organisation from it; nothing the browser names is trusted.
 */
package org.certrevoke.enterprise.boundary;
