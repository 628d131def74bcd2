package org.certrevoke.registry.control;

import jakarta.ejb.ApplicationException;
import java.time.Instant;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.RevocationReason;

/**
 * A revocation asked for a certificate that can no longer be revoked. Carries what is already on
 * record, so that a retrying issuing system learns the revocation it is asking for already exists.
 */
@ApplicationException(rollback = true)
public class AlreadyRevokedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CertificateState state;
    private final Instant revokedAt;
    private final RevocationReason reason;
    private final CrlReason crlReason;

    public AlreadyRevokedException(CertificateState state, Instant revokedAt, RevocationReason reason,
                                   CrlReason crlReason) {
        super("certificate is " + state);
        this.state = state;
        this.revokedAt = revokedAt;
        this.reason = reason;
        this.crlReason = crlReason;
    }

    public CertificateState state() {
        return state;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public RevocationReason reason() {
        return reason;
    }

    public CrlReason crlReason() {
        return crlReason;
    }
}
