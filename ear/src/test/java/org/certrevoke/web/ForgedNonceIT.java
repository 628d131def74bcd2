package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.certrevoke.it.BackOffice;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Mails;
import org.certrevoke.it.PagePost;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.RaClient.Registered;
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
 * Every confirmation that revokes, posted with the browser's session and view state but without the
 * page's script nonce, then with a nonce PrimeFaces would accept in form but not this view's: each is
 * refused with a 4xx before anything runs; the certificate stays valid and nobody is mailed. The same
 * post with the page's own nonce then revokes, once, with one mail to the holder: the refused posts
 * were complete in every other respect.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForgedNonceIT {

    private static final String PAUL = "paul.ledu@kouign-aman.example";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void holderConfirmation() {
        Registered holder = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf")
                    .type("[id='search:email']", holder.email())
                    .type("[id='search:idDocument']", holder.idDocumentNumber())
                    .click("[id='search:submit']");
            browser.click(".revoke-link").find("[id='revocation:q:0:answer']");
            for (int i = 0; i < RaClient.ANSWERS.size(); i++) {
                browser.type("[id='revocation:q:" + i + ":answer']", RaClient.ANSWERS.get(i));
            }
            browser.choose("revocation:reason", "Demande du titulaire").click("[id='revocation:next']");
            refusedThenAccepted(PagePost.of(browser, "revocation:confirmRevocation"), holder.serial(), holder.email());
        }
    }

    @Test
    void cancellationCodeConfirmation() {
        Registered holder = RaClient.registerFreshHolder();
        String code = Mails.cancellationCode(greenMail, holder.email(), holder.serial());
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/annulation.jsf")
                    .type("[id='annulation:email']", holder.email())
                    .type("[id='annulation:name']", holder.holderName())
                    .type("[id='annulation:code']", code)
                    .click("[id='annulation:find']");
            browser.choose("annulation:reason", "Demande du titulaire").click("[id='annulation:next']");
            refusedThenAccepted(PagePost.of(browser, "annulation:confirmRevocation"), holder.serial(), holder.email());
        }
    }

    @Test
    void enterpriseConfirmation() {
        Registered holder = registerInKouignAman();
        try (Browser browser = new Browser()) {
            browser.open("/entreprise/recherche.jsf")
                    .type("[id='login:identifier']", "ORG-KOUIGN")
                    .type("[id='login:accessKey_input'], [id='login:accessKey']", "90817263544536271809")
                    .click("[id='login:next']");
            int codesBefore = codeMails().size();
            browser.type("[id='login:email']", PAUL).click("[id='login:confirmEmail']");
            browser.find("[id='login:code']");
            List<Mails.Received> codes = Mails.waitFor(greenMail, PAUL, mail -> mail.subject().contains("code")
                    && codeMails().size() > codesBefore, Duration.ofSeconds(40));
            assertFalse(codes.isEmpty(), "a login code is mailed");
            String body = codes.get(codes.size() - 1).body();
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(body);
            assertTrue(code.find(), body);
            browser.type("[id='login:code']", code.group(1)).click("[id='login:verifyCode']");
            browser.find("[id='search:name']");
            browser.open("/entreprise/certificat.jsf?serial=" + holder.serial()).find("#serial");
            browser.click("[id='detail:revoke']")
                    .choose("detail:reason", "Départ ou mutation du titulaire")
                    .click("[id='detail:next']");
            refusedThenAccepted(PagePost.of(browser, "detail:ok"), holder.serial(), holder.email());
        }
    }

    @Test
    void operatorPhoneConfirmation() {
        Registered holder = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD).find("[id='staffBar:logout']");
            browser.open("/backoffice/operateur/telephone.jsf?ca=demo-ca&serial=" + holder.serial())
                    .type("[id='telephone:callerName']", holder.holderName());
            for (int i = 0; i < RaClient.ANSWERS.size(); i++) {
                browser.type("[id='telephone:q:" + i + ":answer']", RaClient.ANSWERS.get(i));
            }
            browser.click("[id='telephone:check']").find("#matchNote");
            browser.choose("telephone:reason", "Non paiement").click("[id='telephone:next']");
            refusedThenAccepted(PagePost.of(browser, "telephone:confirmRevocation"), holder.serial(), holder.email());
        }
    }

    @Test
    void operatorPostalConfirmation() throws Exception {
        Registered holder = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            recordPostalForm(browser, holder);
            browser.choose("decision:reason", "Départ ou mutation du titulaire").click("[id='decision:next']");
            refusedThenAccepted(PagePost.of(browser, "decision:confirmRevocation"), holder.serial(), holder.email());
        }
    }

    @Test
    void pendingListConfirmation() throws Exception {
        Registered holder = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            String number = recordPostalForm(browser, holder);
            browser.click("[id='decision:later']").find("[id='demandes:requests']");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[id='demandes:requests_data'] tr"));
            int index = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).findElement(By.cssSelector(".request-number")).getText().equals(number)) {
                    index = i;
                }
            }
            assertTrue(index >= 0, "the request is pending");
            browser.click("[id='demandes:requests:" + index + ":revoke']");
            browser.choose("demandes:reason", "Remplacement du certificat").click("[id='demandes:next']");
            refusedThenAccepted(PagePost.of(browser, "demandes:confirmRevocation"), holder.serial(), holder.email());
        }
    }

    private static void refusedThenAccepted(PagePost post, String serial, String holderEmail) {
        for (HttpResponse<String> refused : List.of(post.withoutNonce(), post.withNonce(PagePost.FOREIGN_NONCE))) {
            assertEquals("VALID", status(serial), "a refused post revokes nothing");
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, "status " + refused.statusCode());
            assertTrue(refused.body().replace("&#39;", "'").contains("Votre session a expiré ou le formulaire n'est plus valable"),
                    refused.body());
        }
        HttpResponse<String> accepted = post.withPageNonce();
        assertEquals(200, accepted.statusCode());
        assertEquals("REVOKED", status(serial), "the same post with the page's nonce revokes");
        List<Mails.Received> told = Mails.waitFor(greenMail, holderEmail,
                mail -> mail.subject().contains(serial) && mail.subject().contains("révoqué"), Duration.ofSeconds(40));
        assertEquals(1, told.size(), "one revocation mail: the accepted post's");
    }

    private static String status(String serial) {
        return RaClient.member(RaClient.get("/api/v1/certificates/demo-ca/" + serial).body(), "status");
    }

    private static List<Mails.Received> codeMails() {
        return Mails.received(greenMail, PAUL).stream().filter(mail -> mail.subject().contains("code")).toList();
    }

    /** A holder of the demo's second organisation, whose representative's access key the demo publishes. */
    private static Registered registerInKouignAman() {
        String unique = Long.toString(System.nanoTime(), 36);
        String email = "forged-" + unique + "@example.test";
        String lastName = "Nonce" + unique;
        var certificate = RaClient.issue(RaClient.demoCa(), "Mael " + lastName, email);
        HttpResponse<String> response = RaClient.post("/api/v1/certificates",
                RaClient.certificateJson(RaClient.base64(certificate), "ORG-KOUIGN", "Mael", lastName, email, "FN-" + unique));
        assertEquals(201, response.statusCode(), response.body());
        return new Registered("ORG-KOUIGN", PAUL, "Mael", lastName, email, "FN-" + unique,
                certificate.getSerialNumber().toString(16), response);
    }

    private static String recordPostalForm(Browser browser, Registered holder) throws Exception {
        Path scan = Files.write(Files.createTempDirectory("scans").resolve("formulaire.pdf"),
                "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD).find("[id='staffBar:logout']");
        browser.open("/backoffice/operateur/courrier.jsf?ca=demo-ca&serial=" + holder.serial())
                .type("[id='courrier:signatoryName']", holder.holderName());
        browser.find("[id='courrier:scan']").sendKeys(scan.toString());
        browser.click("[id='courrier:record']");
        return browser.find("[id='requestNumber']").getText();
    }
}
