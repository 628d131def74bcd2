package org.certrevoke.registry.control;

import jakarta.ejb.ApplicationException;
import org.certrevoke.registry.entity.CertificateState;

/**
 * A revocation asked for a certificate that was never revoked and no longer can be: it has expired.
 * Kept apart from {@link AlreadyRevokedException}, so that the issuing system is not told of a revocation
 * that does not exist.
 */
@ApplicationException(rollback = true)
public class NotRevocableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CertificateState state;

    public NotRevocableException(CertificateState state) {
        super("certificate is " + state);
        this.state = state;
    }

    public CertificateState state() {
        return state;
    }
}
