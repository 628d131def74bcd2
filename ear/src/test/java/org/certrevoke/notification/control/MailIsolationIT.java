package org.certrevoke.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certrevoke.it.Crls;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.OutboxFiller;
import org.certrevoke.it.RaClient;
import org.certrevoke.it.Server;
import org.certrevoke.it.SlowSmtp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publication never waits for mail: while the mail server accepts connections and never answers, and while a
 * thousand mails wait in the outbox of a slow one, a revocation is in the CRL within the check interval
 * (15 s) plus its build time; the mails that waited reach the real server once it is back, each once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIsolationIT {

    private static final String CA = "demo-ca";
    /** {@code certrevoke.crl.check-interval} of the test server, plus room for building and fetching the CRL. */
    private static final Duration CRL_PATIENCE = Duration.ofSeconds(15 + 10);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithWebClasses(OutboxFiller.class);
    }

    @Test
    void revocationsReachTheCrlWhileTheMailServerHangsAndTheirMailsLeaveOnceItIsBack() throws Exception {
        String prefix = "hung-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> serials = OutboxFiller.certificates(3);
        try (HungSmtp hung = new HungSmtp(Server.smtpPort())) {
            OutboxFiller.fill(prefix, 12);
            for (String serial : serials) {
                revoke(serial);
                Crls.await(CA, crl -> crl.getRevokedCertificate(new BigInteger(serial, 16)) != null, CRL_PATIENCE);
            }
            assertTrue(hung.connections() > 0, "the outbox did talk to the hung server");
            waitUntil(() -> OutboxFiller.mails(prefix).stream().allMatch(mail -> !mail.split("\\|", -1)[2].equals("0")),
                    Duration.ofSeconds(90), "every queued mail was tried and its failure counted");
            for (String mail : OutboxFiller.mails(prefix)) {
                String[] fields = mail.split("\\|", -1);
                assertTrue(fields[1].equals("PENDING") || fields[1].equals("SENDING"),
                        "waiting, or claimed again for its next try: " + mail);
                assertTrue(!fields[3].isBlank(),
                        "the auditor sees why: " + mail);
            }
        }

        GreenMail smtp = new GreenMail(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));
        smtp.start();
        try {
            waitUntil(() -> OutboxFiller.mails(prefix).stream().allMatch(mail -> mail.contains("|SENT|")),
                    Duration.ofSeconds(120), "the mails that waited are sent once the server is back");
            Thread.sleep(3000);
            Map<String, Long> copies = received(smtp, prefix);
            assertEquals(12, copies.size(), copies.toString());
            copies.forEach((recipient, count) -> assertEquals(1L, count, recipient + " got one copy"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aRevocationReachesTheCrlBehindAThousandWaitingMails() throws Exception {
        String prefix = "backlog-" + UUID.randomUUID().toString().substring(0, 8);
        String serial = OutboxFiller.certificates(1).get(0);
        try (SlowSmtp smtp = new SlowSmtp(Server.smtpPort(), 50)) {
            OutboxFiller.fill(prefix, 1000);
            revoke(serial);
            Crls.await(CA, crl -> crl.getRevokedCertificate(new BigInteger(serial, 16)) != null, CRL_PATIENCE);
            long waiting = OutboxFiller.mails(prefix).stream().filter(mail -> !mail.contains("|SENT|")).count();
            assertTrue(waiting > 500, "the CRL listed the revocation while most of the backlog still waited ("
                    + waiting + " of 1000, " + smtp.mails() + " sent)");
            assertTrue(smtp.mails() > 0, "the backlog was being sent meanwhile");
        } finally {
            OutboxFiller.drop(prefix);
        }
    }

    static void revoke(String serial) {
        HttpResponse<String> response = RaClient.post("/api/v1/certificates/" + CA + "/" + serial + "/revocation",
                "{\"reason\": \"KEY_COMPROMISE\"}");
        assertEquals(200, response.statusCode(), response.body());
    }

    static Map<String, Long> received(GreenMail smtp, String prefix) {
        return Arrays.stream(smtp.getReceivedMessages()).map(MailIsolationIT::recipient)
                .filter(recipient -> recipient.startsWith(prefix + "-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, Duration patience, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(500);
        }
    }

    /** A mail server that accepts connections and never says a word, until closed. */
    static final class HungSmtp implements AutoCloseable {

        private final ServerSocket listener;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        HungSmtp(int port) throws IOException {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            acceptor = new Thread(() -> {
                try {
                    while (!listener.isClosed()) {
                        accepted.add(listener.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "hung-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : accepted) {
                socket.close();
            }
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
