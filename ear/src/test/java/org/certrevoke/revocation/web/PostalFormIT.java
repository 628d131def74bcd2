package org.certrevoke.revocation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.revocation.control.PostalFormPdf.Fields;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The postal request form (seed 000 §3) from the public pages: pre-filled from the certificate the
 * holder found, downloaded with the browser's own session, then a serial the holder cannot have
 * (unknown, revoked, or without a search in the session) answered "not found" with no data; the
 * blank form in English. Yann's certificates are only read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostalFormIT {

    private static final String YANN = "yann.lebihan@garage-taillan.example";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void holderDownloadsTheFormFilledInWithHisCertificate() throws IOException {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf")
                    .type("[id='search:email']", YANN)
                    .type("[id='search:idDocument']", "FR-987654321")
                    .click("[id='search:submit']")
                    .screenshot("postal-fr-01-search-results");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[id='search:results_data'] > tr"));
            assertEquals(2, rows.size(), "one valid and one revoked certificate");
            WebElement valid = row(rows, "Valide");
            WebElement revoked = row(rows, "Révoqué");
            assertTrue(revoked.findElements(By.cssSelector(".postal-form-link")).isEmpty(), "no form for a revoked certificate");
            String serial = valid.findElement(By.cssSelector(".serial")).getAttribute("title");
            String validity = valid.findElements(By.tagName("td")).get(3).getText();
            WebElement link = valid.findElement(By.cssSelector(".postal-form-link"));
            assertEquals("Formulaire pré-rempli (PDF)", link.getText());
            String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

            HttpResponse<byte[]> response = Http.get(path(link.getAttribute("href")), "Cookie", cookie);
            assertEquals(200, response.statusCode());
            assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("attachment; filename=\"demande-revocation-" + serial + ".pdf\"",
                    response.headers().firstValue("Content-Disposition").orElseThrow());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
            try (PDDocument document = Loader.loadPDF(response.body())) {
                PDAcroForm form = document.getDocumentCatalog().getAcroForm();
                assertEquals("Yann Le Bihan", form.getField(Fields.HOLDER).getValueAsString());
                assertEquals(YANN, form.getField(Fields.EMAIL).getValueAsString());
                assertEquals("Garage du Taillan", form.getField(Fields.ORGANISATION).getValueAsString());
                assertEquals(serial, form.getField(Fields.SERIAL).getValueAsString());
                assertEquals("du " + form.getField(Fields.VALID_FROM).getValueAsString() + " au "
                        + form.getField(Fields.VALID_TO).getValueAsString(), validity, "the validity the page showed");
                assertTrue(form.getField(Fields.ISSUER).getValueAsString().contains("CN=certrevoke Demo CA"));
                assertEquals("HOLDER", form.getField(Fields.SIGNER).getValueAsString());
                form.flatten();
                String printed = new PDFTextStripper().getText(document);
                assertTrue(printed.contains(serial), printed);
                assertTrue(printed.contains("Yann Le Bihan"), printed);
                assertTrue(printed.contains("Demande de révocation de certificat"), printed);
                assertFalse(printed.contains("Non paiement"), printed);
            }

            String revokedSerial = revoked.findElement(By.cssSelector(".serial")).getAttribute("title");
            String form = "/view/certificats/formulaire-revocation.pdf?serial=";
            assertNoData(Http.get(form + revokedSerial, "Cookie", cookie), revokedSerial);
            assertNoData(Http.get(form + "7fffffffffffffffffff", "Cookie", cookie), "7fffffffffffffffffff");
            assertNoData(Http.get(form + "..%2F..%2Fetc%2Fpasswd", "Cookie", cookie), "passwd");
            assertNoData(Http.get(form + serial), serial);
            assertNoData(Http.get(form + serial, "Cookie", "JSESSIONID=forged"), serial);
        }
    }

    @Test
    void blankFormIsOfferedOnThePublicPagesInTheirLanguage() throws IOException {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/annulation.jsf").find("#blankForm");
            assertEquals("Formulaire de demande de révocation par courrier (PDF)", browser.text("#blankForm"));
            HttpResponse<byte[]> french = Http.get(path(browser.find("#blankForm").getAttribute("href")));
            assertEquals("attachment; filename=\"demande-revocation.pdf\"",
                    french.headers().firstValue("Content-Disposition").orElseThrow());

            browser.open("/view/certificats/recherche.jsf").click("[id='language:en']").find("#blankForm");
            browser.screenshot("postal-en-01-search-page");
            WebElement link = browser.find("#blankForm");
            assertEquals("Revocation request form to send by post (PDF)", link.getText());
            HttpResponse<byte[]> english = Http.get(path(link.getAttribute("href")));
            assertEquals(200, english.statusCode());
            assertEquals("application/pdf", english.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("attachment; filename=\"revocation-request.pdf\"",
                    english.headers().firstValue("Content-Disposition").orElseThrow());
            try (PDDocument document = Loader.loadPDF(english.body())) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains("Certificate revocation request"), text);
                assertTrue(text.contains("registered letter"), text);
                assertFalse(text.contains("Non-payment"), text);
                assertEquals("", document.getDocumentCatalog().getAcroForm().getField(Fields.SERIAL).getValueAsString());
            }
        }
    }

    private static WebElement row(List<WebElement> rows, String state) {
        return rows.stream().filter(row -> row.findElement(By.cssSelector(".state")).getText().equals(state))
                .findFirst().orElseThrow(() -> new AssertionError("no " + state + " row"));
    }

    private static void assertNoData(HttpResponse<byte[]> response, String serial) {
        assertEquals(404, response.statusCode(), serial);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertFalse(response.headers().firstValue("Content-Type").orElse("").contains("pdf"), serial);
        assertFalse(body.contains("Yann"), body);
        assertFalse(body.contains(serial), body);
    }

    private static String path(String href) {
        URI uri = URI.create(href);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
