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
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The holder's revocation (seed 000 §1) in a real browser, on the demo data, mails in GreenMail. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HolderRevocationIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void holderRevokesHerSignatureCertificateInFrench() {
        try (Browser browser = new Browser()) {
            browser.open("/").find("[id='search:email']");
            assertTrue(browser.pageText().contains("Rechercher un certificat"));
            assertEquals("Tous", browser.selectedLabel("search:type"));
            browser.choose("search:type", "Signature")
                    .type("[id='search:email']", "claire.martin@garage-taillan.example")
                    .type("[id='search:idDocument']", "FR-123456789")
                    .click("[id='search:submit']")
                    .screenshot("fr-01-search-results");
            String table = browser.text("[id='search:results']");
            assertTrue(table.contains("Claire Martin"), table);
            assertTrue(table.contains("Valide"), table);
            assertTrue(table.matches("(?s).*du \\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2} au \\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2}.*"), table);
            assertFalse(table.contains("Authentification"), "the type filter keeps only signature certificates");
            String serial = browser.find("[id='search:results'] .serial").getAttribute("title");

            browser.click(".revoke-link").find("[id='revocation:q:0:answer']");
            assertTrue(browser.pageText().contains("Lieu de naissance de votre père"));
            browser.type("[id='revocation:q:0:answer']", " QUIMPER ")
                    .type("[id='revocation:q:1:answer']", "14h30")
                    .type("[id='revocation:q:2:answer']", "le goff")
                    .choose("revocation:reason", "Demande du titulaire")
                    .screenshot("fr-02-questions")
                    .click("[id='revocation:next']")
                    .screenshot("fr-02b-after-questions");
            assertTrue(browser.text("[id='revocation:confirm']").contains("définitive et irréversible"));
            browser.screenshot("fr-03-confirm").click("[id='revocation:confirmRevocation']");

            assertEquals(serial, browser.text("#revokedSerial"));
            assertEquals("Demande du titulaire", browser.text("#revokedReason"));
            assertTrue(browser.text("#revokedAt").matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2}"));
            browser.screenshot("fr-04-result");
            assertEquals(Server.url("/ocsp"), browser.text("#ocspUrl"));
            assertEquals(Server.url("/crl/demo-ca.crl"), browser.text("#crlUrl"));

            List<Mails.Received> mails = Mails.waitFor(greenMail, "claire.martin@garage-taillan.example",
                    mail -> mail.subject().contains(serial), Duration.ofSeconds(30));
            assertEquals(1, mails.size(), "exactly one confirmation mail");
            assertTrue(mails.get(0).body().contains("Demande du titulaire"), mails.get(0).body());
            assertTrue(mails.get(0).body().contains("Holder's request"), mails.get(0).body());
            String unfolded = mails.get(0).body().replaceAll("=\r?\n", "");
            assertTrue(unfolded.contains("OCSP " + Server.url("/ocsp")), unfolded);
            assertTrue(unfolded.contains("revocation list " + Server.url("/crl/demo-ca.crl")), unfolded);

            browser.open("/demo/mailbox").find(".mail");
            assertTrue(browser.pageText().contains("Votre certificat " + serial + " est révoqué"));
            browser.screenshot("fr-05-mailbox");

            browser.open("/view/certificats/recherche.jsf")
                    .type("[id='search:email']", "claire.martin@garage-taillan.example")
                    .type("[id='search:idDocument']", "fr 123456789")
                    .click("[id='search:submit']");
            String after = browser.text("[id='search:results']");
            assertTrue(after.contains("Révoqué"), after);
        }
    }
    @Test
    void holderRevokesInEnglishAfterSwitchingLanguage() {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf").click("[id='language:en']");
            assertTrue(browser.find("h1").getText().contains("Find a certificate"));
            browser.choose("search:type", "Authentication")
                    .type("[id='search:email']", "Claire.Martin@garage-taillan.example")
                    .type("[id='search:idDocument']", "FR-123456789")
                    .click("[id='search:submit']")
                    .screenshot("en-01-search-results");
            String table = browser.text("[id='search:results']");
            assertTrue(table.contains("Valid") && table.contains("from "), table);
            String serial = browser.find("[id='search:results'] .serial").getAttribute("title");

            browser.click(".revoke-link").find("[id='revocation:q:0:answer']");
            browser.type("[id='revocation:q:0:answer']", "quimper")
                    .type("[id='revocation:q:1:answer']", "14H30")
                    .type("[id='revocation:q:2:answer']", "Le Goff")
                    .choose("revocation:reason", "Forgotten or lost password");
            browser.find("[id='revocation:someoneElse']");
            assertTrue(browser.pageText().contains("May someone else have known your password?"));
            browser.find("label[for='revocation:someoneElse:0']").click();
            browser.screenshot("en-02-questions").click("[id='revocation:next']");
            assertTrue(browser.text("[id='revocation:confirm']").contains("final and irreversible"));
            browser.screenshot("en-03-confirm").click("[id='revocation:confirmRevocation']");

            assertEquals(serial, browser.text("#revokedSerial"));
            assertEquals("Forgotten or lost password", browser.text("#revokedReason"));
            browser.screenshot("en-04-result");
            List<Mails.Received> mails = Mails.waitFor(greenMail, "claire.martin@garage-taillan.example",
                    mail -> mail.subject().contains(serial), Duration.ofSeconds(30));
            assertEquals(1, mails.size());
            assertTrue(mails.get(0).body().contains("Reason: Forgotten or lost password"), mails.get(0).body());
            assertTrue(mails.get(0).body().contains("Raison : Oubli ou perte du mot de passe"), mails.get(0).body());
        }
    }

    @Test
    void threeWrongAnswerSetsLockTheHolderOutAndTellHerByMail() {
        String soizic = "soizic.legall@kouign-aman.example";
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf")
                    .type("[id='search:email']", soizic)
                    .type("[id='search:idDocument']", "FR-888999000")
                    .click("[id='search:submit']");
            browser.click(".revoke-link").find("[id='revocation:q:0:answer']");
            String page = browser.driver().getCurrentUrl();
            for (int attempt = 1; attempt <= 3; attempt++) {
                browser.type("[id='revocation:q:0:answer']", "Vannes")
                        .type("[id='revocation:q:1:answer']", "12h10")
                        .type("[id='revocation:q:2:answer']", "Mauvaise réponse " + attempt);
                if (attempt == 1) {
                    browser.choose("revocation:reason", "Clé privée compromise");
                }
                browser.click("[id='revocation:next']");
                String messages = browser.text("[id='revocation:messages']");
                if (attempt < 3) {
                    assertTrue(messages.contains("Les réponses ne correspondent pas"), messages);
                } else {
                    assertTrue(messages.contains("bloquée jusqu'au"), messages);
                }
            }
            browser.screenshot("fr-lockout");
            assertFalse(browser.present("[id='revocation:q:0:answer']"), "no more questions once locked");

            browser.driver().get(page);
            assertTrue(browser.text("[id='revocation:messages']").contains("bloquée jusqu'au"));
            assertFalse(browser.present("[id='revocation:q:0:answer']"));

            List<Mails.Received> alerts = Mails.waitFor(greenMail, soizic,
                    mail -> mail.subject().contains("Tentatives de révocation refusées"), Duration.ofSeconds(30));
            assertEquals(1, alerts.size());
        }
    }

    @Test
    void unknownPairLooksExactlyLikeKnownHolderWithoutCertificates() {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf")
                    .type("[id='search:email']", "personne@inconnu.example")
                    .type("[id='search:idDocument']", "FR-000000001")
                    .click("[id='search:submit']");
            String unknown = browser.text("[id='search:results']");
            browser.choose("search:type", "Authentification")
                    .type("[id='search:email']", "erwan.tanguy@kouign-aman.example")
                    .type("[id='search:idDocument']", "FR-222333444")
                    .click("[id='search:submit']");
            String knownWithoutCertificate = browser.text("[id='search:results']");
            assertTrue(unknown.contains("Aucun certificat"), unknown);
            assertEquals(unknown, knownWithoutCertificate);
        }
    }
}
