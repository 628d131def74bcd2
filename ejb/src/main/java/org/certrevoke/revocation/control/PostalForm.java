package org.certrevoke.revocation.control;

import java.time.Instant;
import java.util.Locale;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.RevocationRefusedException;

/**
 * What goes onto the revocation request form sent by registered post (seed 000 §3): blank, or with
 * the certificate and the signatory filled in from what the requester was allowed to see. Only the
 * language is required; a blank form has neither certificate nor signatory.
 */
public record PostalForm(Locale locale, CertificateBlock certificate, Signatory signatory) {

    /** Who may sign the request: the holder or the legal representative of the organisation. */
    public enum Signer { HOLDER, LEGAL_REPRESENTATIVE }

    /** The certificate as the form describes it to the operator who receives it. */
    public record CertificateBlock(String holderName, String email, String organisation, CertificateType type,
                                   String serial, String issuer, Instant notBefore, Instant notAfter) {

        public static CertificateBlock of(Certificate certificate) {
            return new CertificateBlock(certificate.getHolder().getName().full(), certificate.getHolder().getEmail(),
                    certificate.getHolder().getOrganisation().getName(), certificate.getType(),
                    certificate.getSerial(), certificate.getIssuerDn(), certificate.getNotBefore(),
                    certificate.getNotAfter());
        }
    }

    /** The signatory's box, ticked and named in advance. */
    public record Signatory(Signer signer, String name) {
    }

    public PostalForm {
        if (locale == null) {
            throw new IllegalArgumentException("a form needs a language");
        }
    }

    public static PostalForm blank(Locale locale) {
        return new PostalForm(locale, null, null);
    }

    /**
     * The form for a certificate the requester was allowed to see. Only a valid certificate can be
     * revoked, so no form is filled in for a revoked or expired one.
     */
    public static PostalForm filledIn(Certificate certificate, Instant now, Locale locale, Signatory signatory) {
        CertificateState state = certificate.stateAt(now);
        if (state != CertificateState.VALID) {
            throw new RevocationRefusedException(state);
        }
        return new PostalForm(locale, CertificateBlock.of(certificate), signatory);
    }

    public boolean isBlank() {
        return certificate == null && signatory == null;
    }
}
