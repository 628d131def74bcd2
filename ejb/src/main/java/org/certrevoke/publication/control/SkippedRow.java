package org.certrevoke.publication.control;

/**
 * A revoked certificate's row that no CRL entry can be made of (a serial that is not a number, an
 * unknown reason, no revocation time): left off the CRL so that the CA's other revocations are still
 * published, and reported with what was wrong, never silently dropped.
 */
public record SkippedRow(long certificateId, String serial, String problem) {
}
