/**
 * Revocation use cases. {@link org.certrevoke.revocation.boundary.Revocations} is the one place a
 * certificate is revoked; the holder flow proves who is asking before calling it.
 */
package org.certrevoke.revocation.boundary;
