package org.certrevoke.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.certrevoke.it.BackOffice;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Staff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** /backoffice/certificats.jsf in a browser: an operator finds a demo holder's certificates (read only). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificatesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void operatorFindsCertificatesAndIsOfferedThePhoneAndPostalRequestsForValidOnes() {
        try (Browser browser = new Browser()) {
            BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD).find("[id='staffBar:logout']");
            browser.open("/backoffice/certificats.jsf");

            browser.click("[id='search:submit']");
            assertTrue(browser.text("[id='search:messages']").contains("au moins un champ"), browser.pageText());

            browser.type("[id='search:serial']", "12:zz").click("[id='search:submit']");
            assertTrue(browser.pageText().contains("hexadécimaux"), browser.pageText());

            browser.type("[id='search:serial']", "").type("[id='search:name']", "le bihan")
                    .type("[id='search:organisation']", "taillan").click("[id='search:submit']");
            browser.find("[id='search:results']");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[id='search:results_data'] tr"));
            assertTrue(rows.size() == 2, browser.text("[id='search:results']"));
            assertTrue(browser.text("[id='search:results']").contains("Garage du Taillan"));
            List<WebElement> phone = browser.driver().findElements(By.cssSelector("a.phone-link"));
            assertTrue(phone.size() == 1, "only the valid certificate can be revoked");
            assertTrue(phone.get(0).getAttribute("href").contains("/backoffice/operateur/telephone.jsf?ca=demo-ca&serial="));
            assertFalse(browser.driver().findElements(By.cssSelector("a.post-link")).isEmpty());
            browser.screenshot("backoffice-fr-04-find-certificate");
        }
    }
}
