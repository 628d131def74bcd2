package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.certrevoke.it.Accessibility;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.RaClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The holder's revocation on a phone's screen (390 × 844 CSS pixels), in French and in English: at every
 * step no element reaches beyond the screen's width (the page never scrolls sideways), the form's messages
 * included, and the whole e-mail address shows in the results. Screenshots in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneLayoutIT {

    /** Every element shown whose box reaches beyond the viewport's width, with its right edge. */
    private static final String TOO_WIDE = "const width = document.documentElement.clientWidth;"
            + "const wide = [];"
            + "if (document.documentElement.scrollWidth > width) wide.push('page ' + document.documentElement.scrollWidth);"
            + "document.querySelectorAll('body *').forEach(function (e) {"
            + "  const r = e.getBoundingClientRect();"
            + "  if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return;"
            + "  if (e.closest('.skip-link')) return;"
            + "  if (r.left < -0.5 || r.right > width + 0.5) wide.push((e.id || e.tagName + '.' + e.className) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));"
            + "});"
            + "return wide;";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theHolderFlowFitsAPhoneInFrench() {
        walkThrough("fr", "Signature", "Demande du titulaire");
    }

    @Test
    void theHolderFlowFitsAPhoneInEnglish() {
        walkThrough("en", "Signature", "Holder's request");
    }

    private static void walkThrough(String language, String type, String reason) {
        RaClient.Registered holder = RaClient.registerFreshHolder();
        try (Browser browser = new Browser()) {
            browser.driver().manage().window().setSize(Accessibility.PHONE);
            browser.open("/view/certificats/recherche.jsf");
            if ("en".equals(language)) {
                browser.click("[id='language:en']");
            }
            browser.find("[id='search:email']");
            fits(browser, language + "-phone-01-search");

            browser.type("[id='search:email']", "not an address").click("[id='search:submit']");
            browser.find("[id='search:email'].ui-state-error");
            fits(browser, language + "-phone-02-search-errors");

            browser.choose("search:type", type)
                    .type("[id='search:email']", holder.email())
                    .type("[id='search:idDocument']", holder.idDocumentNumber())
                    .click("[id='search:submit']");
            browser.find("[id='search:results'] .revoke-link");
            fits(browser, language + "-phone-03-results");
            assertTrue(browser.text("[id='search:results']").contains(holder.email()), "the whole address shows");

            browser.click(".revoke-link").find("[id='revocation:q:0:answer']");
            browser.click("[id='revocation:next']");
            browser.find("[id='revocation:q:0:answer'].ui-state-error");
            fits(browser, language + "-phone-04-questions-errors");

            for (int i = 0; i < RaClient.ANSWERS.size(); i++) {
                browser.type("[id='revocation:q:" + i + ":answer']", RaClient.ANSWERS.get(i));
            }
            browser.choose("revocation:reason", reason).click("[id='revocation:next']");
            browser.find("[id='revocation:confirmRevocation']");
            fits(browser, language + "-phone-05-confirm");

            browser.click("[id='revocation:confirmRevocation']").find("#revokedSerial");
            fits(browser, language + "-phone-06-revoked");
        }
    }

    private static void fits(Browser browser, String name) {
        browser.settle().screenshot(name);
        assertEquals(Accessibility.PHONE.getWidth(), ((Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return window.innerWidth;")).intValue(), "a phone's width");
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(TOO_WIDE);
        assertEquals(List.of(), wide, name + ": nothing wider than the screen");
    }
}
