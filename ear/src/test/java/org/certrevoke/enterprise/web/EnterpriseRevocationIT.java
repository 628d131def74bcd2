package org.certrevoke.enterprise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The legal representative's whole flow (seed 000 §2) in a real browser on the demo's second
 * organisation: key typed in groups, e-mail confirmation, the code read from GreenMail, a partial
 * search, the detail page, revocation with confirmation and both mails; then an attempt to open the
 * first organisation's certificate by editing the URL, English, and logout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnterpriseRevocationIT {

    private static final String PAUL = "paul.ledu@kouign-aman.example";
    private static final String SOIZIC = "soizic.legall@kouign-aman.example";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void representativeRevokesAHoldersCertificateAndCannotReachAnotherOrganisation() {
        String claireSerial = claireSignatureSerial();
        try (Browser browser = new Browser()) {
            browser.open("/entreprise/recherche.jsf").find("[id='login:identifier']");
            assertTrue(browser.driver().getCurrentUrl().contains("/auth/login.jsf"), "enterprise pages need a login");
            assertTrue(browser.pageText().contains("Accès à l'espace de révocation entreprise"));

            browser.type("[id='login:identifier']", "ORG-INCONNU-" + UUID.randomUUID().toString().substring(0, 8))
                    .type("[id='login:accessKey_input'], [id='login:accessKey']", "90817263544536271809")
                    .click("[id='login:next']");
            assertTrue(browser.text("[id='login:messages']").contains("Identifiant ou clé d'accès incorrect."));
            browser.screenshot("enterprise-fr-01-login-refused");
            String before = sessionId(browser);

            browser.type("[id='login:identifier']", "ORG-KOUIGN")
                    .type("[id='login:accessKey_input'], [id='login:accessKey']", "9081 7263 5445-3627 1809")
                    .click("[id='login:next']");
            assertTrue(browser.text("[id='login:emailStep']").contains("p•••@•••.example"), browser.pageText());
            assertNotEquals(before, sessionId(browser), "session id renewed after the key");
            browser.screenshot("enterprise-fr-02-email");

            browser.type("[id='login:email']", "Paul.LeDu@kouign-aman.example").click("[id='login:confirmEmail']");
            browser.find("[id='login:code']");
            browser.screenshot("enterprise-fr-03-code");
            String code = code(Mails.waitFor(greenMail, PAUL, mail -> mail.subject().contains("code"), Duration.ofSeconds(40)));
            browser.type("[id='login:code']", code).click("[id='login:verifyCode']");

            browser.find("[id='search:name']");
            assertTrue(browser.driver().getCurrentUrl().contains("/entreprise/recherche.jsf"));
            assertTrue(browser.text("#connectedAs").contains("Paul Le Du"));
            browser.type("[id='search:name']", "le gall")
                    .type("[id='search:email']", "KOUIGN")
                    .choose("search:state", "Valide")
                    .click("[id='search:submit']");
            String table = browser.text("[id='search:results']");
            assertTrue(table.contains("Soizic Le Gall"), table);
            assertFalse(table.contains("Erwan"), table);
            assertFalse(table.contains("Claire"), table);
            browser.screenshot("enterprise-fr-04-results");

            WebElement authentication = browser.driver().findElement(By.xpath(
                    "//tbody[@id='search:results_data']/tr[.//div[@class='type' and text()='Authentification']]"));
            String serial = authentication.findElement(By.cssSelector(".serial")).getAttribute("title");
            browser.click("[id='" + authentication.findElement(By.cssSelector(".detail-link")).getAttribute("id") + "']");

            browser.find("#serial");
            assertEquals(serial, browser.text("#serial"));
            String page = browser.pageText();
            assertTrue(page.contains("Révocation du certificat de Soizic Le Gall"), page);
            assertTrue(page.contains("Gérante adjointe"), page);
            assertTrue(page.contains("CN=certrevoke Demo CA"), page);
            browser.screenshot("enterprise-fr-05-detail");

            browser.click("[id='detail:revoke']")
                    .choose("detail:reason", "Départ ou mutation du titulaire")
                    .click("[id='detail:next']");
            assertTrue(browser.text("[id='detail:confirm']").contains(
                    "La révocation est une opposition du certificat, elle est définitive et irréversible."));
            browser.screenshot("enterprise-fr-06-confirm");
            browser.click("[id='detail:ok']");
            assertEquals(serial, browser.text("#revokedSerial"));
            assertEquals("Départ ou mutation du titulaire", browser.text("#revokedReason"));
            browser.screenshot("enterprise-fr-07-done");

            assertEquals(1, Mails.waitFor(greenMail, SOIZIC, mail -> mail.subject().contains(serial), Duration.ofSeconds(40)).size(),
                    "mail to the holder");
            assertEquals(1, Mails.waitFor(greenMail, PAUL, mail -> mail.subject().contains(serial), Duration.ofSeconds(40)).size(),
                    "mail to the representative");

            browser.open("/entreprise/certificat.jsf?serial=" + claireSerial).find("[id='detail:messages']");
            String theirs = browser.pageText();
            browser.screenshot("enterprise-fr-08-other-organisation");
            browser.open("/entreprise/certificat.jsf?serial=7fffffffffffffff").find("[id='detail:messages']");
            String none = browser.pageText();
            assertTrue(theirs.contains("Certificat introuvable."), theirs);
            assertFalse(theirs.contains("Claire"), theirs);
            assertEquals(none, theirs, "another organisation's certificate answers like one that does not exist");

            browser.open("/entreprise/recherche.jsf").find("[id='search:name']");
            browser.click("[id='language:en']").find("[id='search:name']");
            assertTrue(browser.pageText().contains("Enterprise revocation area — Search for a certificate"));
            browser.type("[id='search:name']", "MAELLE").click("[id='search:submit']");
            assertTrue(browser.text("[id='search:results']").contains("Maëlle Guillou"));
            browser.screenshot("enterprise-en-01-results");

            browser.click("[id='session:logout']").find("[id='login:identifier']");
            browser.open("/entreprise/certificat.jsf?serial=" + serial).find("[id='login:identifier']");
            assertTrue(browser.driver().getCurrentUrl().contains("/auth/login.jsf"), "logged out");
            browser.screenshot("enterprise-en-02-logged-out");
        }
    }

    /** The first organisation's signature certificate, found as its holder would find it. */
    private static String claireSignatureSerial() {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf")
                    .choose("search:type", "Signature")
                    .type("[id='search:email']", "claire.martin@garage-taillan.example")
                    .type("[id='search:idDocument']", "FR-123456789")
                    .click("[id='search:submit']");
            return browser.find("[id='search:results'] .serial").getAttribute("title");
        }
    }

    private static String sessionId(Browser browser) {
        return browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
    }

    private static String code(List<Mails.Received> mails) {
        assertFalse(mails.isEmpty(), "no code mail");
        Matcher code = CODE.matcher(mails.get(mails.size() - 1).body());
        assertTrue(code.find(), mails.get(mails.size() - 1).body());
        return code.group(1);
    }
}
