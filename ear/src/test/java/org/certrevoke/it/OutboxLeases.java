package org.certrevoke.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.certrevoke.notification.control.MailSeal;
import org.certrevoke.notification.control.OutboxDelivery;
import org.certrevoke.notification.entity.OutboxMail;

/**
 * Outbox rows in the states a sender leaves behind, and senders racing, for client tests of the claims:
 * {@code POST ?crashed=recipient} stores a mail claimed ten minutes ago by a sender that never reported back
 * (its five-minute lease over), {@code POST ?claimed=recipient} one claimed just now by a sender still at work,
 * {@code POST ?race=N} runs N rounds of delivery at once (released together by a latch) and answers when all
 * are done. Only a test that adds it to its own deployment has it.
 */
@WebServlet("/it/outbox-leases")
public class OutboxLeases extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MailSeal seal;

    @Inject
    OutboxDelivery delivery;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (request.getParameter("crashed") != null) {
                store(request.getParameter("crashed"), Instant.now().minus(Duration.ofMinutes(10)), "crashed-sender");
            } else if (request.getParameter("claimed") != null) {
                store(request.getParameter("claimed"), Instant.now(), "sender-at-work");
            } else if (request.getParameter("race") != null) {
                race(Integer.parseInt(request.getParameter("race")));
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
    }

    private void store(String recipient, Instant claimedAt, String token) throws Exception {
        OutboxMail mail = new OutboxMail(recipient, "Lease " + recipient, seal.seal("A mail whose sender " + token + "."),
                claimedAt);
        mail.claim(claimedAt, LEASE, token);
        transaction.begin();
        em.persist(mail);
        transaction.commit();
    }

    private void race(int senders) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            Thread sender = threads.newThread(() -> {
                try {
                    start.await();
                    delivery.deliverDue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sender.start();
            running.add(sender);
        }
        start.countDown();
        for (Thread sender : running) {
            sender.join();
        }
    }

    /** Client side: asks the servlet for {@code query}. */
    public static void post(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Server.url("/it/outbox-leases?" + query)))
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query + ": HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
