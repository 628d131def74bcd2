package org.certrevoke.revocation.control;

import java.time.Instant;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.RevocationReason;

/** What the result page shows once a revocation has committed. */
public record RevocationReceipt(String serial, String commonName, Instant revokedAt, RevocationReason reason,
                                CrlReason crlReason, String authorityAlias) implements java.io.Serializable {
}
