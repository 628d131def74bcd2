package org.certrevoke.backoffice.control;

import jakarta.ejb.ApplicationException;

/** Several CAs issued a certificate with that serial, and the operator did not say which CA. */
@ApplicationException(rollback = true)
public class AmbiguousCertificateException extends RuntimeException {

    public AmbiguousCertificateException() {
        super("several certificates have that serial");
    }
}
