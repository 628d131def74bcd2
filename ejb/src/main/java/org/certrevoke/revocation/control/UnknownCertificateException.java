package org.certrevoke.revocation.control;

import jakarta.ejb.ApplicationException;

/**
 * No such certificate for whoever asks. Said the same way whether it does not exist or belongs to
 * someone else, so that nobody learns which serials exist.
 */
@ApplicationException(rollback = true)
public class UnknownCertificateException extends RuntimeException {

    public UnknownCertificateException() {
        super("unknown certificate");
    }
}
