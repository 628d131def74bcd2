package org.certrevoke.revocation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.List;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Mails;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.RaClient.Registered;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cancellation with a code (seed 001) in a real browser, on certificates the test registers through the
 * API, with the code read from the mail GreenMail received.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnnulationIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void holderCancelsHerCertificateWithTheCodeSheReceivedAndTheCodeWorksOnce() {
        Registered registered = RaClient.registerFreshHolder();
        String code = Mails.cancellationCode(greenMail, registered.email(), registered.serial());
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf").click("a[href*='annulation']");
            assertTrue(browser.find("h1").getText().contains("Annuler un certificat"));
            identify(browser, registered.email().toUpperCase(), registered.holderName().toLowerCase(),
                    code.toLowerCase().replace("-", " "));
            browser.screenshot("fr-annulation-01-identify").click("[id='annulation:find']");
            assertEquals(registered.serial(), browser.text("#serial"));
            browser.choose("annulation:reason", "Demande du titulaire").screenshot("fr-annulation-02-reason")
                    .click("[id='annulation:next']");
            assertTrue(browser.text("[id='annulation:confirm']").contains("définitive et irréversible"));
            browser.screenshot("fr-annulation-03-confirm").click("[id='annulation:confirmRevocation']");
            assertEquals(registered.serial(), browser.text("#revokedSerial"));
            assertEquals("Demande du titulaire", browser.text("#revokedReason"));
            browser.screenshot("fr-annulation-04-result");

            assertEquals(1, Mails.waitFor(greenMail, registered.email(),
                    mail -> mail.subject().contains("est révoqué"), Duration.ofSeconds(30)).size());
            assertEquals(1, Mails.waitFor(greenMail, registered.representativeEmail(),
                    mail -> mail.subject().contains("révoqué"), Duration.ofSeconds(30)).size());

            browser.open("/view/certificats/annulation.jsf");
            identify(browser, registered.email(), registered.holderName(), code).click("[id='annulation:find']");
            assertTrue(browser.text("[id='annulation:messages']").contains("ne correspondent à aucun certificat annulable"));
        }
        assertEquals("REVOKED", RaClient.member(RaClient.get("/api/v1/certificates/demo-ca/" + registered.serial()).body(),
                "status"));
    }

    @Test
    void fiveWrongCodesLockThePageForThatHolderAndTellHimByMail() {
        Registered registered = RaClient.registerFreshHolder();
        String code = Mails.cancellationCode(greenMail, registered.email(), registered.serial());
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/annulation.jsf").click("[id='language:en']");
            assertTrue(browser.find("h1").getText().contains("Cancel a certificate"));
            for (int attempt = 1; attempt <= 5; attempt++) {
                identify(browser, registered.email(), registered.holderName(), "AAAA-BBBB-000" + attempt)
                        .click("[id='annulation:find']");
                assertTrue(browser.text("[id='annulation:messages']").contains("match no certificate"));
            }
            browser.screenshot("en-annulation-lockout");
            identify(browser, registered.email(), registered.holderName(), code).click("[id='annulation:find']");
            assertTrue(browser.text("[id='annulation:messages']").contains("match no certificate"),
                    "the right code is refused while the holder is locked, in the same words");
            assertFalse(browser.present("#serial"));
        }
        List<Mails.Received> alerts = Mails.waitFor(greenMail, registered.email(),
                mail -> mail.subject().contains("Cancellation codes refused"), Duration.ofSeconds(30));
        assertEquals(1, alerts.size());
        assertEquals("VALID", RaClient.member(RaClient.get("/api/v1/certificates/demo-ca/" + registered.serial()).body(),
                "status"));
    }

    private static Browser identify(Browser browser, String email, String name, String code) {
        return browser.type("[id='annulation:email']", email)
                .type("[id='annulation:name']", name)
                .type("[id='annulation:code']", code);
    }

}
