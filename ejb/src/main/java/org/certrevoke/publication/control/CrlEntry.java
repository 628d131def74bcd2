package org.certrevoke.publication.control;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One revoked certificate as a CRL lists it; reason code 0 (unspecified) is published without extension,
 * an invalidity date (null when there is none) as the invalidityDate entry extension.
 */
public record CrlEntry(BigInteger serial, Instant revokedAt, int reasonCode, Instant invalidityDate) {

    public CrlEntry(BigInteger serial, Instant revokedAt, int reasonCode) {
        this(serial, revokedAt, reasonCode, null);
    }
}
