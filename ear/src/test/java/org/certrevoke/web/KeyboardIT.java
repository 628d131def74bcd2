package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Keyboard;
import org.certrevoke.it.Mails;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * The holder's revocation and the legal representative's, with the keyboard alone (Tab, Shift-Tab, Enter,
 * Space, arrows, typing; no click), on holders registered through the API. Each element reached shows its
 * focus; Space and Enter act on the buttons of the result tables, and Enter on the row's PDF link is left
 * to the link.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyboardIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    /** Records whether each keydown reaching the document had its default action prevented. */
    private static final String WATCH_KEYS = "window.keysSeen = [];"
            + "document.addEventListener('keydown', function (e) { window.keysSeen.push(e.key + ':' + e.defaultPrevented); });";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aHolderRevokesWithTheKeyboardOnly() {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            Keyboard keys = new Keyboard(browser);
            browser.open("/view/certificats/recherche.jsf").find("[id='search:email']");
            keys.tabTo("search:type").arrowTo("Signature")
                    .tabTo("search:email").type(holder.email())
                    .tabTo("search:idDocument").type(holder.idDocumentNumber())
                    .shiftTabTo("search:email").tabTo("search:idDocument")
                    .press(Keys.ENTER);
            browser.find("[id='search:results:0:revoke']");
            browser.settle().screenshot("keyboard-01-results");
            assertEquals(new BigInteger(holder.serial(), 16), new BigInteger(
                    browser.find("[id='search:results'] .serial").getAttribute("title"), 16));

            keys.tabTo("search:results:0:postalForm");
            js(browser, WATCH_KEYS);
            keys.press(Keys.ENTER);
            assertEquals(List.of("Enter:false"), js(browser, "return window.keysSeen;"),
                    "Enter on the PDF link reaches the link, nothing takes it away");

            keys.shiftTabTo("search:results:0:revoke").press(Keys.SPACE);
            browser.find("[id='revocation:q:0:answer']");
            for (int i = 0; i < RaClient.ANSWERS.size(); i++) {
                keys.tabTo("revocation:q:" + i + ":answer").type(RaClient.ANSWERS.get(i));
            }
            keys.tabTo("revocation:reason").arrowTo("Demande du titulaire")
                    .tabTo("revocation:next").press(Keys.SPACE);
            browser.find("[id='revocation:confirmRevocation']");
            browser.settle().screenshot("keyboard-02-confirm");
            keys.tabTo("revocation:confirmRevocation").press(Keys.ENTER);
            assertEquals(new BigInteger(holder.serial(), 16), new BigInteger(browser.text("#revokedSerial"), 16));
            browser.settle().screenshot("keyboard-03-revoked");
        }
    }

    @Test
    void aLegalRepresentativeRevokesWithTheKeyboardOnly() {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        HttpResponse<String> key = RaClient.post("/api/v1/organisations/" + holder.organisation() + "/access-key", "");
        assertEquals(200, key.statusCode(), key.body());
        try (Browser browser = new Browser()) {
            Keyboard keys = new Keyboard(browser);
            browser.open("/auth/login.jsf").find("[id='login:identifier']");
            keys.tabTo("login:identifier").type(holder.organisation())
                    .tabTo("login:accessKey").type(RaClient.member(key.body(), "accessKey"))
                    .press(Keys.ENTER);
            browser.find("[id='login:email']");
            keys.tabTo("login:email").type(holder.representativeEmail()).press(Keys.ENTER);
            browser.find("[id='login:code']");
            keys.tabTo("login:code").type(code(holder.representativeEmail())).press(Keys.ENTER);

            browser.find("[id='search:name']");
            keys.tabTo("search:name").type(holder.lastName()).press(Keys.ENTER);
            browser.find("[id='search:results:0:detail']");
            browser.settle().screenshot("keyboard-04-enterprise-results");
            keys.tabTo("search:results:0:detail").press(Keys.ENTER);

            browser.find("[id='detail:revoke']");
            keys.tabTo("detail:revoke").press(Keys.SPACE);
            browser.find("[id='detail:reason']");
            keys.tabTo("detail:reason").arrowTo("Départ ou mutation du titulaire")
                    .tabTo("detail:next").press(Keys.ENTER);
            browser.find("[id='detail:ok']");
            keys.tabTo("detail:ok").press(Keys.SPACE);
            browser.find("#revokedSerial");
            browser.settle().screenshot("keyboard-05-enterprise-revoked");
            assertTrue(browser.text("[id='detail:done']").contains("révoqué"), browser.pageText());
        }
    }

    private static String code(String representative) {
        List<Mails.Received> mails = Mails.waitFor(greenMail, representative, mail -> mail.subject().contains("code"),
                Duration.ofSeconds(40));
        assertFalse(mails.isEmpty(), "no code mail");
        Matcher code = CODE.matcher(mails.get(mails.size() - 1).body());
        assertTrue(code.find(), "no code in the code mail");
        return code.group(1);
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
