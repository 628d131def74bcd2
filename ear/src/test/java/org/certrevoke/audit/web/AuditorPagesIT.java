package org.certrevoke.audit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.certrevoke.it.BackOffice;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.Staff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The auditor's pages in a browser: the log filtered and its chain checked, in French and English;
 * a waiting mail retried; the CRL of the demo CA. And who else is kept out: anonymous visitors get
 * the login form, an operator the 403 page, on each of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditorPagesIT {

    private static final List<String> PAGES = List.of("/backoffice/audit/journal.jsf", "/backoffice/audit/courriels.jsf",
            "/backoffice/audit/crl.jsf");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anonymousVisitorsGetTheLoginFormAndOperatorsTheRefusalPage() {
        for (String page : PAGES) {
            HttpResponse<byte[]> anonymous = Http.get(page);
            String body = new String(anonymous.body(), StandardCharsets.UTF_8);
            assertEquals(200, anonymous.statusCode(), page);
            assertTrue(body.contains("login:username") && body.contains("login:password"), page + " shows the login form");
            assertFalse(body.contains("staffBar"), page);
        }
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD).find("[id='staffBar:logout']");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            for (String page : PAGES) {
                HttpResponse<byte[]> operator = Http.get(page, "Cookie", "JSESSIONID=" + session.getValue());
                String body = new String(operator.body(), StandardCharsets.UTF_8);
                assertEquals(403, operator.statusCode(), page);
                assertTrue(body.contains("error-message"), page + " shows the refusal page");
                assertFalse(body.contains("journal:records") || body.contains("mails:waiting") || body.contains("crl:crls"), page);
            }
            browser.open(PAGES.get(0)).find("#error-message");
            browser.screenshot("audit-fr-00-operator-refused");
        }
    }

    @Test
    void auditorFiltersTheLogAndFindsTheChainIntact() {
        try (Browser browser = new Browser()) {
            browser.open(PAGES.get(0));
            browser.type("[id='login:username']", Staff.AUDITOR_LOGIN)
                    .type("[id='login:password']", Staff.AUDITOR_PASSWORD)
                    .click("[id='login:submit']");
            browser.find("[id='journal:records']");
            browser.screenshot("audit-fr-01-log");

            browser.type("[id='journal:from']", "2026-11-21").type("[id='journal:serial']", "0x12")
                    .type("[id='journal:actor']", "x".repeat(201)).click("[id='journal:filter']");
            assertTrue(browser.pageText().contains("Date invalide"), browser.pageText());
            assertTrue(browser.pageText().contains("N° de série invalide"));
            assertTrue(browser.pageText().contains("Auteur trop long"));
            browser.screenshot("audit-fr-02-bad-filters");

            browser.type("[id='journal:from']", "").type("[id='journal:serial']", "")
                    .type("[id='journal:actor']", Staff.AUDITOR_LOGIN.toUpperCase())
                    .choose("journal:event", "Personnel : connexion").click("[id='journal:filter']");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[id='journal:records_data'] tr"));
            assertFalse(rows.isEmpty());
            for (WebElement row : rows) {
                assertTrue(row.getText().contains("Personnel : connexion") && row.getText().contains(Staff.AUDITOR_LOGIN),
                        row.getText());
            }
            browser.screenshot("audit-fr-03-filtered");

            browser.click("[id='verification:verify']");
            String verdict = browser.text("[id='verification:verdict']");
            assertTrue(verdict.startsWith("Chaîne intacte : "), verdict);
            assertTrue(browser.present(".chain-intact"));
            browser.screenshot("audit-fr-04-chain-intact");

            browser.click("[id='language:en']");
            browser.find("[id='journal:records']");
            browser.click("[id='verification:verify']");
            assertTrue(browser.text("[id='verification:verdict']").startsWith("Chain intact: "), browser.pageText());
            browser.choose("journal:event", "Audit chain verified").type("[id='journal:actor']", "")
                    .click("[id='journal:filter']");
            String newest = browser.text("[id='journal:records_data'] tr");
            assertTrue(newest.contains(Staff.AUDITOR_LOGIN) && newest.contains("Audit chain verified")
                    && newest.contains("intact records="), newest);
            browser.screenshot("audit-en-05-verification-recorded");
        }
    }

    @Test
    void auditorRetriesAWaitingMailAndNeverSeesItsBody() {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.AUDITOR_LOGIN, Staff.AUDITOR_PASSWORD).find("[id='staffBar:logout']");
            browser.open(PAGES.get(1)).find("[id='mails:waiting']");
            WebElement row = mailRow(browser, holder.email());
            assertTrue(row.getText().contains(holder.serial()), "the subject names the certificate: " + row.getText());
            assertFalse(browser.pageText().contains("Bonjour"), "no body on the page");
            browser.screenshot("audit-fr-06-outbox");

            WebElement retry = row.findElement(By.cssSelector("button[id$=':retry']"));
            retry.click();
            browser.waitForText("[id='mails:messages']", "est renvoyé immédiatement");
            browser.screenshot("audit-fr-07-outbox-retried");

            browser.click("[id='mails:retryAll']");
            browser.waitForText("[id='mails:messages']", "seront envoyés dès maintenant");
            browser.screenshot("audit-fr-07-outbox-retried-all");
        }
    }

    @Test
    void auditorSeesTheDemoCaCrlAndItsLink() {
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.AUDITOR_LOGIN, Staff.AUDITOR_PASSWORD).find("[id='staffBar:logout']");
            browser.open(PAGES.get(2)).find("[id='crl:crls']");
            WebElement demo = browser.driver().findElement(By.xpath("//tr[.//span[@class='crl-alias' and text()='demo-ca']]"));
            assertTrue(demo.getText().contains("A jour"), demo.getText());
            String link = demo.findElement(By.cssSelector("a.crl-link")).getAttribute("href");
            assertTrue(link.endsWith("/crl/demo-ca.crl"), link);
            HttpResponse<byte[]> crl = Http.get("/crl/demo-ca.crl");
            assertEquals(200, crl.statusCode());
            long shown = Long.parseLong(demo.findElement(By.cssSelector(".crl-number")).getText());
            long served = Long.parseLong(crl.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
            assertTrue(shown >= 1 && shown <= served, "shown " + shown + ", served since " + served);
            browser.screenshot("audit-fr-08-crl");
        }
    }

    private static WebElement mailRow(Browser browser, String recipient) {
        return browser.driver().findElement(By.xpath("//tbody[@id='mails:waiting_data']/tr[.//span[@class='mail-recipient'"
                + " and text()='" + recipient + "']]"));
    }
}
