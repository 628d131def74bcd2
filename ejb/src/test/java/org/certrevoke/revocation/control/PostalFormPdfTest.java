package org.certrevoke.revocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.revocation.control.PostalForm.CertificateBlock;
import org.certrevoke.revocation.control.PostalForm.Signatory;
import org.certrevoke.revocation.control.PostalForm.Signer;
import org.certrevoke.revocation.control.PostalFormPdf.Fields;
import org.junit.jupiter.api.Test;

class PostalFormPdfTest {

    private static final String ADDRESS = "ACME CA;Service des révocations;12 rue de l'Église;29200 Brest";
    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");
    private static final CertificateBlock MAELLE = new CertificateBlock("Maëlle Guillou", "maelle.guillou@kouign-aman.example",
            "Boulangerie Kouign Aman", CertificateType.SIGNATURE, "3f9a0c1d2e4b5a6978807f6e5d4c3b2a1908f7e6",
            "CN=certrevoke Demo CA,O=certrevoke,C=FR", Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2029-02-28T23:59:59Z"));

    private final PostalFormPdf pdf = new PostalFormPdf(ADDRESS, "Europe/Paris", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void blankFrenchFormHasEmptyFieldsAndOffersOnlyTheHoldersReasons() throws IOException {
        PdfDocument blank = pdf.render(PostalForm.blank(Locale.FRENCH));
        keep(blank, "blank-fr");
        assertEquals("demande-revocation.pdf", blank.fileName());
        try (PDDocument document = Loader.loadPDF(blank.content())) {
            assertEquals(1, document.getNumberOfPages());
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            for (String name : List.of(Fields.HOLDER, Fields.EMAIL, Fields.ORGANISATION, Fields.TYPE, Fields.SERIAL,
                    Fields.ISSUER, Fields.VALID_FROM, Fields.VALID_TO, Fields.SIGNER_NAME, Fields.SIGNER_CAPACITY,
                    Fields.PLACE, Fields.DATE)) {
                PDField field = form.getField(name);
                assertTrue(field instanceof PDTextField, name);
                assertEquals("", field.getValueAsString(), name);
                assertTrue(field.getWidgets().get(0).isPrinted(), name + " is printed");
            }
            assertEquals(reasonNames(), exportValues(form.getField(Fields.REASON)));
            assertFalse(exportValues(form.getField(Fields.REASON)).contains(RevocationReason.NON_PAYMENT.name()));
            assertEquals("Off", form.getField(Fields.REASON).getValueAsString());
            assertEquals(Set.of("HOLDER", "LEGAL_REPRESENTATIVE"), exportValues(form.getField(Fields.SIGNER)));
            assertTrue(form.getField(Fields.PASSWORD_MAY_BE_KNOWN) instanceof PDCheckBox);

            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Demande de révocation de certificat"), text);
            assertTrue(text.contains("lettre recommandée avec accusé de réception"), text);
            assertTrue(text.contains("pièce d'identité"), text);
            assertTrue(text.contains("définitive et irréversible"), text);
            for (String line : ADDRESS.split(";")) {
                assertTrue(text.contains(line), line);
            }
            for (String reason : List.of("Oubli ou perte du mot de passe", "Clé privée compromise", "Ecrasement des anciennes clés",
                    "Départ ou mutation du titulaire", "Remplacement du certificat")) {
                assertTrue(text.contains(reason), reason);
            }
            assertFalse(text.contains("Non paiement"), text);
            assertTrue(text.contains("Le représentant légal de l'organisation"), text);
        }
    }

    @Test
    void prefilledFormCarriesTheCertificateInItsFieldsAndOnThePrintedPage() throws IOException {
        PdfDocument filled = pdf.render(new PostalForm(Locale.FRENCH, MAELLE, new Signatory(Signer.HOLDER, "Maëlle Guillou")));
        keep(filled, "prefilled-fr");
        assertEquals("demande-revocation-" + MAELLE.serial() + ".pdf", filled.fileName());
        try (PDDocument document = Loader.loadPDF(filled.content())) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            assertEquals("Maëlle Guillou", form.getField(Fields.HOLDER).getValueAsString());
            assertEquals(MAELLE.email(), form.getField(Fields.EMAIL).getValueAsString());
            assertEquals("Boulangerie Kouign Aman", form.getField(Fields.ORGANISATION).getValueAsString());
            assertEquals("Signature", form.getField(Fields.TYPE).getValueAsString());
            assertEquals(MAELLE.serial(), form.getField(Fields.SERIAL).getValueAsString());
            assertEquals(MAELLE.issuer(), form.getField(Fields.ISSUER).getValueAsString());
            assertEquals("01-03-2026 10:00:00", form.getField(Fields.VALID_FROM).getValueAsString(), "CA time zone");
            assertEquals("01-03-2029 00:59:59", form.getField(Fields.VALID_TO).getValueAsString());
            assertEquals("HOLDER", form.getField(Fields.SIGNER).getValueAsString());
            assertEquals("Maëlle Guillou", form.getField(Fields.SIGNER_NAME).getValueAsString());
            assertEquals("Off", form.getField(Fields.REASON).getValueAsString(), "the reason is the signatory's to choose");
            assertEquals("", form.getField(Fields.DATE).getValueAsString());

            form.flatten();
            String printed = new PDFTextStripper().getText(document);
            assertTrue(printed.contains("Maëlle Guillou"), printed);
            assertTrue(printed.contains(MAELLE.serial()), printed);
            assertTrue(printed.contains("01-03-2026 10:00:00"), printed);
            assertTrue(printed.contains("01-03-2029 00:59:59"), printed);
            assertTrue(printed.contains("CN=certrevoke Demo CA"), printed);
            assertTrue(printed.contains("pré-rempli le 20-11-2026"), printed);
        }
    }

    @Test
    void englishFormSpeaksEnglish() throws IOException {
        PdfDocument filled = pdf.render(new PostalForm(Locale.ENGLISH, MAELLE, new Signatory(Signer.LEGAL_REPRESENTATIVE, "Paul Le Du")));
        keep(filled, "prefilled-en");
        keep(pdf.render(PostalForm.blank(Locale.ENGLISH)), "blank-en");
        assertEquals("revocation-request-" + MAELLE.serial() + ".pdf", filled.fileName());
        try (PDDocument document = Loader.loadPDF(filled.content())) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            assertEquals("LEGAL_REPRESENTATIVE", form.getField(Fields.SIGNER).getValueAsString());
            assertEquals("Paul Le Du", form.getField(Fields.SIGNER_NAME).getValueAsString());
            assertEquals(reasonNames(), exportValues(form.getField(Fields.REASON)));
            form.flatten();
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Certificate revocation request"), text);
            assertTrue(text.contains("registered letter with acknowledgement of receipt"), text);
            assertTrue(text.contains("Private key compromised"), text);
            assertTrue(text.contains("Holder departure or transfer"), text);
            assertTrue(text.contains("final and cannot be undone"), text);
            assertFalse(text.contains("Non-payment"), text);
            assertFalse(text.contains("Clé privée"), text);
            assertTrue(text.contains(MAELLE.serial()), text);
        }
    }

    @Test
    void namesBeyondLatin1AreKept() throws IOException {
        CertificateBlock foreign = new CertificateBlock("Łukasz Żółć-Dvořák", "lukasz@example.pl", "Spółka Œuvre – Ελλάδα",
                CertificateType.AUTHENTICATION, "0a", "CN=Демо CA", MAELLE.notBefore(), MAELLE.notAfter());
        PdfDocument filled = pdf.render(new PostalForm(Locale.FRENCH, foreign, null));
        try (PDDocument document = Loader.loadPDF(filled.content())) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            assertEquals("Łukasz Żółć-Dvořák", form.getField(Fields.HOLDER).getValueAsString());
            assertEquals("Authentification", form.getField(Fields.TYPE).getValueAsString());
            assertEquals("Off", form.getField(Fields.SIGNER).getValueAsString());
            form.flatten();
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Łukasz Żółć-Dvořák"), text);
            assertTrue(text.contains("Spółka Œuvre – Ελλάδα"), text);
            assertTrue(text.contains("CN=Демо CA"), text);
        }
    }

    @Test
    void charactersTheFontLacksAreReplacedVisiblyAndControlsDropped() throws IOException {
        String[][] names = {
            {"Zoé 😀 Martin", "Zoé ? Martin"},
            {"Nul\u0000le Byte\u0007", "Nulle Byte"},
            {"Zoe\u0301 Lefe\u0300vre", "Zoé Lefèvre"},
            {"Ali\u200B\u202Ece\u200D Bob", "Alice Bob"},
            {"王小明", "???"},
            {"👨‍👩‍👧 Famille", "??? Famille"},
            {"Tab\tand\nnewline", "Tab and newline"}
        };
        for (String[] name : names) {
            CertificateBlock block = new CertificateBlock(name[0], "x@example.test", name[0], CertificateType.SIGNATURE, "0a",
                    "CN=" + name[0], MAELLE.notBefore(), MAELLE.notAfter());
            PdfDocument filled = pdf.render(new PostalForm(Locale.FRENCH, block, new Signatory(Signer.HOLDER, name[0])));
            try (PDDocument document = Loader.loadPDF(filled.content())) {
                PDAcroForm form = document.getDocumentCatalog().getAcroForm();
                String shown = form.getField(Fields.HOLDER).getValueAsString();
                assertEquals(name[1], shown.replace('\uFFFD', '?'), name[0]);
                assertEquals(shown, form.getField(Fields.SIGNER_NAME).getValueAsString(), name[0]);
                form.flatten();
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains(shown), text);
                assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), name[0]);
            }
        }
    }

    @Test
    void rightToLeftScriptsTheFontCoversAreKept() throws IOException {
        String hebrew = "\u05D3\u05D5\u05D3 \u05DB\u05D4\u05DF";
        String arabic = "\u0645\u0631\u064A\u0645";
        for (String name : new String[] {hebrew, arabic, "Anne " + hebrew}) {
            CertificateBlock block = new CertificateBlock(name, "x@example.test", "Org", CertificateType.SIGNATURE, "0a",
                    "CN=x", MAELLE.notBefore(), MAELLE.notAfter());
            PdfDocument filled = pdf.render(new PostalForm(Locale.ENGLISH, block, null));
            try (PDDocument document = Loader.loadPDF(filled.content())) {
                String shown = document.getDocumentCatalog().getAcroForm().getField(Fields.HOLDER).getValueAsString();
                assertEquals(name.length(), shown.length(), "one character, or one replacement, for each: " + shown);
            }
        }
    }

    @Test
    void defaultAddressIsAVisiblePlaceholderThatFitsItsBox() throws IOException {
        PostalFormPdf unconfigured = new PostalFormPdf(PostalFormPdf.DEFAULT_ADDRESS, "Europe/Paris", Clock.fixed(NOW, ZoneOffset.UTC));
        PdfDocument blank = unconfigured.render(PostalForm.blank(Locale.FRENCH));
        keep(blank, "blank-default-address");
        try (PDDocument document = Loader.loadPDF(blank.content())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Adresse postale à configurer (certrevoke.postal.address)"), text);
            assertTrue(text.contains("Autorité de certification Service des révocations"), text);
        }
        try (PDDocument document = Loader.loadPDF(unconfigured.render(PostalForm.blank(Locale.ENGLISH)).content())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Postal address to be configured (certrevoke.postal.address)"), "in the form's language: " + text);
            assertFalse(text.contains("Adresse postale"), text);
        }
    }

    @Test
    void blankFormIsMadeOncePerLanguage() {
        assertSame(pdf.render(PostalForm.blank(Locale.FRENCH)), pdf.render(PostalForm.blank(Locale.FRANCE)));
        assertNotEquals(pdf.render(PostalForm.blank(Locale.FRENCH)), pdf.render(PostalForm.blank(Locale.ENGLISH)));
        assertEquals("demande-revocation.pdf", pdf.render(PostalForm.blank(Locale.GERMAN)).fileName(), "French otherwise");
    }

    private static Set<String> reasonNames() {
        Set<String> names = new TreeSet<>();
        RevocationReason.offeredToHoldersAndRepresentatives().forEach(reason -> names.add(reason.name()));
        return names;
    }

    private static Set<String> exportValues(PDField field) {
        Set<String> values = new TreeSet<>();
        for (PDAnnotationWidget widget : field.getWidgets()) {
            widget.getAppearance().getNormalAppearance().getSubDictionary().keySet().stream()
                    .map(name -> name.getName()).filter(name -> !"Off".equals(name)).forEach(values::add);
        }
        assertTrue(field instanceof PDRadioButton, field.getFullyQualifiedName());
        return values;
    }

    /** Leaves the PDF in target/postal-forms for a human to look at. */
    private static void keep(PdfDocument pdf, String name) throws IOException {
        Path folder = Path.of("target", "postal-forms");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".pdf"), pdf.content());
    }
}
