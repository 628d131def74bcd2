/**
 * What every proof of identity stands on: slow hashing of secrets, keyed look-ups, codes, and the rate
 * limits and lockouts that count failed proofs per subject and per client address.
 */
package org.certrevoke.security.control;
