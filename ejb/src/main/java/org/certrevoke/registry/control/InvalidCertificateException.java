package org.certrevoke.registry.control;

/**
 * Raised when bytes or text offered as a certificate cannot be read as one, so that the RA
 * import and the upload forms can tell the sender what is wrong instead of failing deep in
 * ASN.1 decoding.
 */
public class InvalidCertificateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCertificateException(String message) {
        super(message);
    }

    public InvalidCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
