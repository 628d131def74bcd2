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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certrevoke.it.AddressThrottle;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
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

/**
 * What a representative whose address has used up its enterprise searches sees, in French and English:
 * the message saying until when, and no results. The budget itself is reached in the container
 * ({@code EnterpriseCertificatesIT}); here the address's row is set to a running limit through
 * {@link AddressThrottle}, a servlet only this test's deployment carries, and put back afterwards, so
 * the browser tests that search after this one keep the budget of 127.0.0.1 they would have had.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnterpriseSearchLimitIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String THROTTLE = "/it/address-throttle?policy=enterprise-search";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(AddressThrottle.class);
    }

    @Test
    void searchesBeyondTheLimitAreRefusedWithAMessageInTheVisitorsLanguage() {
        String identifier = RaClient.newOrganisation();
        HttpResponse<String> key = RaClient.post("/api/v1/organisations/" + identifier + "/access-key", "");
        assertEquals(200, key.statusCode(), key.body());
        String representative = RaClient.representativeOf(identifier);
        String budget = throttle();
        try (Browser browser = new Browser()) {
            browser.open("/auth/login.jsf")
                    .type("[id='login:identifier']", identifier)
                    .type("[id='login:accessKey_input'], [id='login:accessKey']", RaClient.member(key.body(), "accessKey"))
                    .click("[id='login:next']");
            browser.type("[id='login:email']", representative).click("[id='login:confirmEmail']");
            browser.find("[id='login:code']");
            browser.type("[id='login:code']", code(Mails.waitFor(greenMail, representative,
                    mail -> mail.subject().contains("code"), Duration.ofSeconds(40))))
                    .click("[id='login:verifyCode']");
            browser.find("[id='search:name']");
            browser.click("[id='search:submit']");
            assertTrue(browser.text("[id='search:results']").contains("Aucun certificat ne répond à ces critères."));

            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            setThrottle("0|" + now + "|" + now.plusMinutes(1));
            browser.type("[id='search:name']", "kerherve").click("[id='search:submit']");
            String refused = browser.text("[id='search:messages']");
            assertTrue(refused.startsWith("Trop de recherches depuis votre adresse : veuillez réessayer après "), refused);
            assertFalse(browser.present("[id='search:results']"), "nothing searched");
            browser.screenshot("enterprise-search-fr-rate-limited");

            browser.click("[id='language:en']").find("[id='search:name']");
            browser.click("[id='search:submit']");
            refused = browser.text("[id='search:messages']");
            assertTrue(refused.startsWith("Too many searches from your address: please try again after "), refused);
            assertFalse(browser.present("[id='search:results']"), "nothing searched");
            browser.screenshot("enterprise-search-en-rate-limited");
        } finally {
            setThrottle(budget);
        }
    }

    private static String code(List<Mails.Received> mails) {
        assertFalse(mails.isEmpty(), "no code mail");
        Matcher code = CODE.matcher(mails.get(mails.size() - 1).body());
        assertTrue(code.find(), "no code in the code mail");
        return code.group(1);
    }

    private static String throttle() {
        HttpResponse<String> throttle = RaClient.send(HttpRequest.newBuilder(URI.create(Server.url(THROTTLE))));
        assertEquals(200, throttle.statusCode(), throttle.body());
        return throttle.body();
    }

    private static void setThrottle(String state) {
        HttpResponse<String> set = RaClient.send(HttpRequest.newBuilder(URI.create(Server.url(THROTTLE)))
                .PUT(HttpRequest.BodyPublishers.ofString(state)));
        assertEquals(204, set.statusCode(), set.body());
    }
}
