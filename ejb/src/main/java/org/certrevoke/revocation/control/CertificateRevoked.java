package org.certrevoke.revocation.control;

import java.time.Instant;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;

/**
 * Fired inside the revoking transaction. Audit, mail and publication observe it, so they commit
 * with the revocation or not at all.
 */
public record CertificateRevoked(long certificateId, String serial, String authorityAlias, String holderName,
                                 String holderEmail, long organisationId, RevocationReason reason,
                                 CrlReason crlReason, Instant revokedAt, Requester requester, String clientAddress) {
}
