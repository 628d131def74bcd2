package org.certrevoke.revocation.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.revocation.control.HolderDirectory;
import org.certrevoke.revocation.control.HolderQuery;
import org.certrevoke.revocation.control.PdfDocument;
import org.certrevoke.revocation.control.PostalForm;
import org.certrevoke.revocation.control.PostalFormPdf;

/**
 * The revocation request form sent by registered post (seed 000 §3): blank for anyone, or filled in
 * from one of the certificates the holder's own search finds. The certificate is looked up again
 * with the holder's e-mail and identity-document number, so a serial that is not the holder's gets
 * {@link org.certrevoke.revocation.control.UnknownCertificateException} and no data.
 */
@PermitAll
@Stateless
public class PostalForms {

    @Inject
    HolderDirectory directory;

    @Inject
    PostalFormPdf pdf;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public PdfDocument blank(Locale locale) {
        return pdf.render(PostalForm.blank(locale));
    }

    public PdfDocument forHolder(HolderQuery query, String serial, Locale locale, String clientAddress) {
        Certificate certificate = directory.certificate(query, serial);
        PostalForm form = PostalForm.filledIn(certificate, clock.instant(), locale,
                new PostalForm.Signatory(PostalForm.Signer.HOLDER, certificate.getHolder().getName().full()));
        audit.record(AuditEvent.of(AuditEventType.POSTAL_FORM, query.email(), clientAddress).about(certificate.getSerial()));
        return pdf.render(form);
    }
}
