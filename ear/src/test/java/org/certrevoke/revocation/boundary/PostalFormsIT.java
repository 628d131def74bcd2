package org.certrevoke.revocation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.certrevoke.enterprise.boundary.EnterpriseCertificates;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.EnterpriseFixtures;
import org.certrevoke.it.Fixtures;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.control.HolderQuery;
import org.certrevoke.revocation.control.PdfDocument;
import org.certrevoke.revocation.control.PostalFormPdf.Fields;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who gets a filled-in postal form of which certificate, inside the server: the holder only for the
 * certificates the holder's own e-mail and identity-document number find, a representative only for
 * the organisation's; a revoked certificate gets none. Demo certificates are only read.
 */
@ExtendWith(ArquillianExtension.class)
class PostalFormsIT {

    private static final String ADDRESS = "127.0.0.1";
    private static final HolderQuery YANN = new HolderQuery(null, "yann.lebihan@garage-taillan.example", "FR-987654321");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(PostalFormsIT.class, EnterpriseFixtures.class, Fixtures.class, DemoCertificates.class);
    }

    @Inject
    PostalForms forms;

    @Inject
    EnterpriseCertificates enterprise;

    @Inject
    EnterpriseFixtures organisations;

    @Inject
    DemoCertificates demo;

    @Test
    void holderGetsOnlyHisOwnValidCertificates() throws IOException {
        String own = demo.of(YANN.email(), CertificateType.SIGNATURE).getSerial();
        try (PDDocument document = Loader.loadPDF(forms.forHolder(YANN, own, Locale.ENGLISH, ADDRESS).content())) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            assertEquals(own, form.getField(Fields.SERIAL).getValueAsString());
            assertEquals("Yann Le Bihan", form.getField(Fields.SIGNER_NAME).getValueAsString());
        }

        String claires = demo.of("claire.martin@garage-taillan.example", CertificateType.SIGNATURE).getSerial();
        assertThrows(UnknownCertificateException.class, () -> forms.forHolder(YANN, claires, Locale.FRENCH, ADDRESS));
        HolderQuery wrongDocument = new HolderQuery(null, YANN.email(), "FR-000000000");
        assertThrows(UnknownCertificateException.class, () -> forms.forHolder(wrongDocument, own, Locale.FRENCH, ADDRESS));
        String revoked = demo.of(YANN.email(), CertificateType.AUTHENTICATION).getSerial();
        assertThrows(RevocationRefusedException.class, () -> forms.forHolder(YANN, revoked, Locale.FRENCH, ADDRESS));
    }

    @Test
    void representativeGetsOnlyTheOrganisationsValidCertificates() throws IOException {
        EnterpriseFixtures.Org org = organisations.organisation();
        EnterpriseFixtures.Org other = organisations.organisation();

        PdfDocument pdf = enterprise.postalForm(org.representativeId(), org.serials().get(0), Locale.FRENCH, ADDRESS);
        assertEquals("demande-revocation-" + org.serials().get(0) + ".pdf", pdf.fileName());
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            assertEquals("Maëlle Kerhervé", form.getField(Fields.HOLDER).getValueAsString());
            assertEquals("LEGAL_REPRESENTATIVE", form.getField(Fields.SIGNER).getValueAsString());
            assertEquals("Katell Représentante", form.getField(Fields.SIGNER_NAME).getValueAsString());
        }

        assertThrows(UnknownCertificateException.class,
                () -> enterprise.postalForm(org.representativeId(), other.serials().get(0), Locale.FRENCH, ADDRESS));
        assertThrows(RevocationRefusedException.class,
                () -> enterprise.postalForm(org.representativeId(), org.serials().get(2), Locale.FRENCH, ADDRESS));
    }

    @Test
    void blankFormNeedsNothing() throws IOException {
        try (PDDocument document = Loader.loadPDF(forms.blank(Locale.FRENCH).content())) {
            assertEquals("", document.getDocumentCatalog().getAcroForm().getField(Fields.HOLDER).getValueAsString());
        }
    }
}
