package org.certrevoke.revocation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.FormClient;
import org.certrevoke.it.FormClient.Page;
import org.certrevoke.it.Http;
import org.certrevoke.it.Server;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.revocation.control.PostalFormPdf.Fields;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pre-filled postal form of holders whose registered names hold what the form's font cannot set
 * (emoji, a control character, bidirectional and zero-width characters, combining marks, Chinese), found
 * by their own search and downloaded from the link of the results page in the same session: a PDF every
 * time, the name with a visible replacement where a glyph is missing, nothing invisible left in it.
 */
@ExtendWith(ArquillianExtension.class)
class PostalFormNamesIT {

    private static final Pattern LINK = Pattern.compile("href=\"([^\"]*formulaire-revocation\\.pdf\\?serial=[^\"]+)\"");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(PostalFormNamesIT.class, Fixtures.class, FormClient.class, Http.class, Server.class);
    }

    @Inject
    Fixtures fixtures;

    @Test
    void formsOfNamesTheFontCannotSetAreStillPdfsWithTheGapsVisible() throws Exception {
        String[][] names = {
            {"Zoé 😀", "Lefèvre", "Zoé ? Lefèvre"},
            {"Eve", "Ali\u200Dce", "Eve Alice"},
            {"Zoe\u0301", "Mu\u0308ller", "Zoé Müller"},
            {"王", "小明", "? ??"},
            {"👨‍👩‍👧", "Famille", "??? Famille"}
        };
        for (String[] name : names) {
            Fixtures.Issued holder = fixtures.validCertificateOf(new PersonName(name[0], name[1]));
            FormClient client = new FormClient();
            Page search = client.get("/view/certificats/recherche.jsf");
            Map<String, String> fields = search.form("search");
            fields.put("search:email", holder.email());
            fields.put("search:idDocument", holder.idDocumentNumber());
            fields.put("search:submit", "");
            Page results = client.post("/view/certificats/recherche.jsf", fields);
            Matcher link = LINK.matcher(results.body());
            assertTrue(link.find(), "a pre-filled form is offered\n" + results.body());

            FormClient.Download pdf = client.download(link.group(1).replace("&amp;", "&"));
            assertEquals(200, pdf.status(), holder.holderName() + ": " + new String(pdf.body(), StandardCharsets.UTF_8));
            assertEquals("application/pdf", pdf.contentType());
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                PDAcroForm form = document.getDocumentCatalog().getAcroForm();
                String shown = form.getField(Fields.HOLDER).getValueAsString();
                assertEquals(name[2], shown.replace('\uFFFD', '?'), holder.holderName());
                assertEquals(shown, form.getField(Fields.SIGNER_NAME).getValueAsString());
                assertEquals(holder.serial(), form.getField(Fields.SERIAL).getValueAsString());
                form.flatten();
                String printed = new PDFTextStripper().getText(document);
                assertTrue(printed.contains(shown), printed);
                assertFalse(printed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'
                        || Character.getType(c) == Character.FORMAT), printed);
            }
        }
    }
}
