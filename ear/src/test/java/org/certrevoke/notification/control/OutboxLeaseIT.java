package org.certrevoke.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.OutboxFiller;
import org.certrevoke.it.OutboxLeases;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Senders claim mails instead of locking them through the SMTP conversation, so the claims alone keep a mail
 * single: a mail whose sender crashed is sent by another once its lease is over, exactly once; one whose sender
 * is still within its lease is left alone; and several deliveries racing over the same due mails (besides the
 * server's own) send each one once, as GreenMail counts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboxLeaseIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(OutboxFiller.class, OutboxLeases.class);
    }

    @Test
    void aMailWhoseSenderCrashedIsSentOnceByAnotherAndALiveClaimIsLeftAlone() throws Exception {
        String prefix = "lease-" + UUID.randomUUID().toString().substring(0, 8);
        String crashed = prefix + "-crashed@example.test";
        String live = prefix + "-live@example.test";
        GreenMail smtp = new GreenMail(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));
        smtp.start();
        try {
            OutboxLeases.post("crashed=" + crashed);
            OutboxLeases.post("claimed=" + live);

            OutboxLeases.post("race=4");
            MailIsolationIT.waitUntil(() -> state(prefix, crashed).contains("|SENT|1|"), Duration.ofSeconds(30),
                    "the crashed sender's mail is sent");
            Thread.sleep(3000);

            Map<String, Long> copies = MailIsolationIT.received(smtp, prefix);
            assertEquals(Map.of(crashed, 1L), copies, "sent once, and only the one whose lease was over");
            assertTrue(state(prefix, live).contains("|SENDING|0|"), state(prefix, live));
        } finally {
            OutboxFiller.drop(prefix);
            smtp.stop();
        }
    }

    @Test
    void deliveriesRacingOverTheSameMailsSendEachOnce() throws Exception {
        String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8);
        GreenMail smtp = new GreenMail(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));
        smtp.start();
        try {
            OutboxFiller.fill(prefix, 60);
            OutboxLeases.post("race=8");
            MailIsolationIT.waitUntil(() -> OutboxFiller.mails(prefix).stream().allMatch(mail -> mail.contains("|SENT|")),
                    Duration.ofSeconds(60), "every mail is sent");
            Thread.sleep(3000);

            Map<String, Long> copies = MailIsolationIT.received(smtp, prefix);
            assertEquals(60, copies.size(), copies.toString());
            copies.forEach((recipient, count) -> assertEquals(1L, count, recipient + " got one copy"));
            List<String> rows = OutboxFiller.mails(prefix);
            assertFalse(rows.stream().anyMatch(row -> !row.contains("|SENT|1|")), "one attempt each: " + rows);
        } finally {
            OutboxFiller.drop(prefix);
            smtp.stop();
        }
    }

    private static String state(String prefix, String recipient) {
        return OutboxFiller.mails(prefix).stream().filter(row -> row.startsWith(recipient + "|")).findFirst().orElse("none");
    }
}
