package org.certrevoke.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.HolderFlow;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A revocation whose mail server is down still commits; its mail waits in the outbox, is retried,
 * and reaches the holder once the server is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboxRetryIT {

    private static final String MAELLE = "maelle.guillou@kouign-aman.example";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void mailRefusedWhileTheServerIsDownIsDeliveredOnceItIsBack() throws Exception {
        try (Browser browser = new Browser()) {
            String serial = HolderFlow.revoke(browser, MAELLE, "FR-555666777", "Signature", "Remplacement du certificat",
                    "Morlaix", "06h00", "Riou");

            browser.open("/demo/mailbox").find(".mail");
            waitUntil(() -> reload(browser).pageText().contains("tentatives :"), "the first try failed and was counted");
            assertTrue(browser.pageText().contains("Votre certificat " + serial + " est révoqué"));
            assertTrue(browser.pageText().contains("En attente d'envoi"));
            browser.screenshot("fr-mailbox-pending");

            GreenMail smtp = new GreenMail(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));
            smtp.start();
            try {
                waitUntil(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> subject(m).contains(serial)),
                        "the retry delivers the mail");
                long copies = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(serial)).count();
                assertEquals(1, copies, "delivered once");
                reload(browser);
                assertTrue(browser.pageText().contains("Envoyé au serveur de messagerie"));
            } finally {
                smtp.stop();
            }
        }
    }

    private static Browser reload(Browser browser) {
        browser.driver().navigate().refresh();
        browser.find(".mail");
        return browser;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(500);
        }
    }
}
