package org.certrevoke.publication.control;

import java.math.BigInteger;
import java.time.Instant;

/** One revoked certificate as a CRL lists it; reason code 0 (unspecified) is published without extension. */
public record CrlEntry(BigInteger serial, Instant revokedAt, int reasonCode) {
}
