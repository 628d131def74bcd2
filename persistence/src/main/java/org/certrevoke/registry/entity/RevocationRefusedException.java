package org.certrevoke.registry.entity;


/**
 * A revocation that cannot happen: the certificate is already revoked (revocation is final, there
 * is no second one) or has expired. Declared as an application exception that rolls back in ejb-jar.xml.
 */
public class RevocationRefusedException extends RuntimeException {

    private final CertificateState state;

    public RevocationRefusedException(CertificateState state) {
        super("certificate is " + state.name().toLowerCase());
        this.state = state;
    }

    public CertificateState getState() {
        return state;
    }
}
