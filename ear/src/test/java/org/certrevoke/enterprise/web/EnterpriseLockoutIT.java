package org.certrevoke.enterprise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Mails;
import org.certrevoke.it.AddressThrottle;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Five wrong access keys typed in a browser lock an identifier: the fifth is answered with the lockout
 * message, the right key is then refused in the same words, the representative gets the lockout mail,
 * and another organisation logs in from the same browser as usual. Both organisations are the test's
 * own, registered through the API. The wrong keys also count against the failed-proof budget of the
 * browser's address (127.0.0.1, 10 an hour), which every browser test shares: the test starts that
 * budget afresh, checks its five failures were counted there, and puts it back as it found it, through
 * a servlet only its own deployment carries ({@link AddressThrottle}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnterpriseLockoutIT {

    private static final String WRONG_KEY = "1111 2222 3333 4444 5555";
    private static final String LOCKED = "Trop de tentatives : la connexion est bloquée jusqu'au ";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(AddressThrottle.class);
    }

    @Test
    void fiveWrongKeysLockTheIdentifierMailTheRepresentativeAndLeaveOtherOrganisationsAlone() {
        Organisation locked = newOrganisation();
        Organisation other = newOrganisation();
        String budget = proofBudget();
        putProofBudget("none");
        try (Browser browser = new Browser()) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                logIn(browser, locked.identifier(), WRONG_KEY);
                assertEquals("Identifiant ou clé d'accès incorrect.", browser.text("[id='login:messages']"),
                        "attempt " + attempt);
            }
            logIn(browser, locked.identifier(), WRONG_KEY);
            String lockout = browser.text("[id='login:messages']");
            assertTrue(lockout.startsWith(LOCKED), lockout);
            browser.screenshot("enterprise-lockout-fr-01-locked");

            logIn(browser, locked.identifier(), locked.accessKey());
            assertEquals(lockout, browser.text("[id='login:messages']"), "the right key is refused in the same words");
            assertFalse(browser.present("[id='login:email']"), "no e-mail step for a locked identifier");

            List<Mails.Received> mails = Mails.waitFor(greenMail, RaClient.representativeOf(locked.identifier()),
                    mail -> mail.subject().contains("Connexions à l'espace entreprise bloquées"), Duration.ofSeconds(40));
            assertEquals(1, mails.size(), "one lockout mail");
            String body = unfolded(mails.get(0).body());
            assertTrue(body.contains(locked.identifier()), body);
            assertFalse(body.contains(locked.accessKey()), "the key is never mailed back");

            logIn(browser, other.identifier(), other.accessKey());
            assertTrue(browser.text("[id='login:emailStep']").contains("r•••@•••.test"), browser.pageText());
            browser.screenshot("enterprise-lockout-fr-02-other-organisation");
            assertEquals(List.of(), Mails.received(greenMail, RaClient.representativeOf(other.identifier())),
                    "nothing mailed to the other organisation");
        } finally {
            String counted = proofBudget();
            putProofBudget(budget);
            assertEquals(5, attempts(counted), "the five wrong keys counted against the address");
        }
    }

    private static void logIn(Browser browser, String identifier, String accessKey) {
        browser.open("/auth/login.jsf")
                .type("[id='login:identifier']", identifier)
                .type("[id='login:accessKey_input'], [id='login:accessKey']", accessKey)
                .click("[id='login:next']");
    }

    private record Organisation(String identifier, String accessKey) {
    }

    private static Organisation newOrganisation() {
        String identifier = RaClient.newOrganisation();
        HttpResponse<String> key = RaClient.post("/api/v1/organisations/" + identifier + "/access-key", "");
        assertEquals(200, key.statusCode(), key.body());
        return new Organisation(identifier, RaClient.member(key.body(), "accessKey"));
    }

    private static String proofBudget() {
        HttpResponse<String> budget = RaClient.send(HttpRequest.newBuilder(URI.create(Server.url("/it/address-throttle?policy=proof"))));
        assertEquals(200, budget.statusCode(), budget.body());
        return budget.body();
    }

    private static void putProofBudget(String budget) {
        HttpResponse<String> restored = RaClient.send(HttpRequest.newBuilder(URI.create(Server.url("/it/address-throttle?policy=proof")))
                .PUT(HttpRequest.BodyPublishers.ofString(budget)));
        assertEquals(204, restored.statusCode(), restored.body());
    }

    /** The body as sent, quoted-printable: long lines are folded with a trailing '='. */
    private static String unfolded(String body) {
        return body.replaceAll("=\\r?\\n", "");
    }

    private static int attempts(String budget) {
        return "none".equals(budget) ? 0 : Integer.parseInt(budget.substring(0, budget.indexOf('|')));
    }
}
