package org.certrevoke.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.certrevoke.it.BackOffice;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Mails;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.Server;
import org.certrevoke.it.Staff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An operator handles a phone call and a signed form received by post, end to end in a browser, for
 * holders registered through the API; the holder's mail arrives at the SMTP server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorRequestsPagesIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void operatorChecksTheCallersAnswersAndRevokesForNonPayment() {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD).find("[id='staffBar:logout']");
            browser.open("/backoffice/operateur/telephone.jsf?ca=demo-ca&serial=" + holder.serial())
                    .find("[id='telephone:q:0:answer']");
            assertTrue(browser.pageText().contains(holder.holderName()), browser.pageText());
            for (String answer : RaClient.ANSWERS) {
                assertFalse(browser.pageText().contains(answer), "the stored answers are never shown");
            }
            browser.type("[id='telephone:callerName']", holder.holderName());
            answer(browser, List.of("Brest", "6h00", "Le Goff")).click("[id='telephone:check']");
            browser.waitForText("[id='telephone:messages']", "Les réponses ne correspondent pas.");
            assertTrue(browser.present("[id='telephone:q:0:answer']"), "the operator may ask again");
            browser.screenshot("backoffice-fr-05-phone-no-match");

            answer(browser, RaClient.ANSWERS).click("[id='telephone:check']");
            browser.find("#matchNote");
            browser.choose("telephone:reason", "Non paiement").click("[id='telephone:next']");
            browser.find("[id='telephone:confirm']");
            assertEquals("Non paiement", browser.text("#chosenReason"));
            assertTrue(browser.text("#onBehalfOf").contains(holder.holderName()));
            browser.screenshot("backoffice-fr-06-phone-confirm").click("[id='telephone:confirmRevocation']");

            browser.find("[id='telephone:done']");
            assertTrue(browser.pageText().contains("Le certificat est révoqué pour le compte du demandeur."), browser.pageText());
            assertTrue(browser.pageText().contains("Révoqué") && !browser.pageText().contains("Valide"),
                    "the certificate is shown revoked: " + browser.pageText());
            browser.screenshot("backoffice-fr-07-phone-done");
        }
        assertFalse(Mails.waitFor(greenMail, holder.email(), mail -> mail.subject().contains(holder.serial()),
                Duration.ofSeconds(30)).isEmpty(), "the holder is told");
    }

    @Test
    void operatorRecordsASignedFormWithItsScanRefusingAnythingButAPdfAndRevokes() throws Exception {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        Path directory = Files.createTempDirectory("scans");
        Path notPdf = Files.writeString(directory.resolve("photo.pdf"), "not a PDF at all");
        Path scan = Files.write(directory.resolve("formulaire-signe.pdf"),
                "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD).find("[id='staffBar:logout']");
            browser.open("/backoffice/operateur/courrier.jsf?ca=demo-ca&serial=" + holder.serial())
                    .find("[id='courrier:signatoryName']");
            assertTrue(browser.pageText().contains(holder.holderName()), browser.pageText());

            browser.type("[id='courrier:signatoryName']", holder.holderName());
            browser.find("[id='courrier:scan']").sendKeys(notPdf.toString());
            browser.click("[id='courrier:record']");
            browser.find("[id='courrier:signatoryName']");
            assertTrue(browser.pageText().contains("PDF"), browser.pageText());
            assertFalse(browser.present("[id='requestNumber']"), "nothing recorded");
            browser.screenshot("backoffice-fr-08-postal-refused");

            browser.type("[id='courrier:signatoryName']", holder.holderName());
            browser.find("[id='courrier:scan']").sendKeys(scan.toString());
            browser.click("[id='courrier:record']");
            browser.find("[id='requestNumber']");
            assertTrue(browser.pageText().contains("La demande est enregistrée."), browser.pageText());
            assertEquals("formulaire-signe.pdf", browser.text("[id='scanName']"));
            browser.screenshot("backoffice-fr-09-postal-recorded");

            browser.choose("decision:reason", "Départ ou mutation du titulaire").click("[id='decision:next']");
            browser.find("[id='decision:confirmRevocation']");
            browser.click("[id='decision:confirmRevocation']").find("[id='revokedSerial']");
            assertTrue(browser.text("[id='revokedReason']").contains("Départ ou mutation"), browser.pageText());
            assertTrue(browser.pageText().contains("Révoqué") && !browser.pageText().contains("Valide"),
                    "the certificate is shown revoked: " + browser.pageText());
            assertFalse(browser.present("#timeLeft"), "a handled request has no clock any more");
            browser.screenshot("backoffice-fr-10-postal-done");
        }
        assertFalse(Mails.waitFor(greenMail, holder.email(), mail -> mail.subject().contains(holder.serial()),
                Duration.ofSeconds(30)).isEmpty(), "the holder is told");
    }

    @Test
    void operatorRecordsAFormForLaterThenDownloadsItsScanAndRevokesFromThePendingList() throws Exception {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        Path directory = Files.createTempDirectory("scans");
        byte[] content = "%PDF-1.7\n% courrier recu\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Path scan = Files.write(directory.resolve("lettre.pdf"), content);
        byte[] big = Arrays.copyOf(content, 10 * 1024 * 1024 + 1);
        Path tooLarge = Files.write(directory.resolve("gros.pdf"), big);
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD).find("[id='staffBar:logout']");
            browser.open("/backoffice/operateur/courrier.jsf?ca=demo-ca&serial=" + holder.serial())
                    .type("[id='courrier:signatoryName']", "Nolwenn Représentante");
            browser.click("[id='courrier:record']");
            assertTrue(browser.find("[id='messages']").getText().contains("Aucun fichier"), browser.pageText());
            browser.type("[id='courrier:signatoryName']", "Nolwenn Représentante");
            browser.find("[id='courrier:scan']").sendKeys(tooLarge.toString());
            browser.click("[id='courrier:record']");
            assertTrue(browser.find("[id='messages']").getText().contains("Fichier trop volumineux (10 Mio au plus)"),
                    browser.pageText());
            assertFalse(browser.present("[id='requestNumber']"), "nothing recorded");

            browser.type("[id='courrier:signatoryName']", "Nolwenn Représentante");
            browser.find("[id='courrier:scan']").sendKeys(scan.toString());
            browser.click("[id='courrier:record']");
            String number = browser.find("[id='requestNumber']").getText();
            browser.click("[id='decision:later']").find("[id='demandes:requests']");

            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[id='demandes:requests_data'] tr"));
            int index = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).findElement(By.cssSelector(".request-number")).getText().equals(number)) {
                    index = i;
                }
            }
            assertTrue(index >= 0, "the request is pending: " + browser.text("[id='demandes:requests']"));
            String row = rows.get(index).getText();
            assertTrue(row.contains(holder.holderName()) && row.contains("Reste 23 h"), row);
            browser.screenshot("backoffice-fr-11-pending");

            String href = browser.find("[id='demandes:requests:" + index + ":scan']").getAttribute("href");
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue())
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertTrue(download.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
            assertArrayEquals(content, download.body());
            String anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertFalse(anonymous.startsWith("%PDF"), "no scan without the operator's session");
            assertTrue(anonymous.contains("login:password"), "the login form instead");

            browser.click("[id='demandes:requests:" + index + ":revoke']");
            browser.choose("demandes:reason", "Remplacement du certificat").click("[id='demandes:next']");
            browser.click("[id='demandes:confirmRevocation']");
            browser.find("[id='demandes:requests']");
            assertFalse(browser.text("[id='demandes:requests']").contains(holder.holderName()), "no longer pending");
            browser.screenshot("backoffice-fr-12-pending-revoked");
        }
        assertFalse(Mails.waitFor(greenMail, holder.email(), mail -> mail.subject().contains(holder.serial()),
                Duration.ofSeconds(30)).isEmpty(), "the holder is told");
    }

    private static Browser answer(Browser browser, List<String> answers) {
        for (int i = 0; i < answers.size(); i++) {
            browser.type("[id='telephone:q:" + i + ":answer']", answers.get(i));
        }
        return browser;
    }
}
