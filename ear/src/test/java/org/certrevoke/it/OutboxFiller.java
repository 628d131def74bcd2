package org.certrevoke.it;

import jakarta.annotation.Resource;
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
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.certrevoke.demo.control.DemoKeyStore;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.demo.control.IssueRequest;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.notification.entity.OutboxMail;
import org.certrevoke.registry.boundary.Registry;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;

/**
 * What client tests of the outbox need from inside the server, fast: {@code POST ?fill=N&to=prefix} queues N mails
 * (to {@code prefix-i@example.test}) in one transaction, as a bulk registration does; {@code POST ?certificates=N}
 * registers N valid certificates of the demo CA for one new holder and answers their serials, one a line;
 * {@code GET ?to=prefix} answers each of those mails as {@code recipient|status|attempts|last error}, one a line;
 * {@code DELETE ?to=prefix} removes those still waiting. Only a test that adds it to its own deployment has it.
 */
@WebServlet("/it/outbox")
public class OutboxFiller extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Outbox outbox;

    @Inject
    Registry registry;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> answer = new ArrayList<>();
        inTransaction(() -> {
            if (request.getParameter("fill") != null) {
                int count = Integer.parseInt(request.getParameter("fill"));
                String prefix = request.getParameter("to");
                for (int i = 0; i < count; i++) {
                    outbox.enqueue(prefix + "-" + i + "@example.test", "Backlog " + prefix + " " + i,
                            "A mail of the backlog, number " + i + ".");
                }
            }
            if (request.getParameter("certificates") != null) {
                answer.addAll(issue(Integer.parseInt(request.getParameter("certificates"))));
            }
        });
        write(response, answer);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, stored(request.getParameter("to")).stream()
                .map(mail -> mail.getRecipient() + "|" + mail.getStatus() + "|" + mail.getAttempts() + "|"
                        + (mail.getLastError() == null ? "" : mail.getLastError().replace('\n', ' ')))
                .toList());
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String prefix = request.getParameter("to");
        inTransaction(() -> em.createQuery("DELETE FROM OutboxMail m WHERE m.recipient LIKE :prefix"
                        + " AND m.status <> org.certrevoke.notification.entity.OutboxMail.Status.SENT")
                .setParameter("prefix", prefix + "-%").executeUpdate());
        write(response, List.of());
    }

    private List<OutboxMail> stored(String prefix) {
        return em.createQuery("SELECT m FROM OutboxMail m WHERE m.recipient LIKE :prefix ORDER BY m.id", OutboxMail.class)
                .setParameter("prefix", prefix + "-%").getResultList();
    }

    private List<String> issue(int count) throws Exception {
        String unique = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DemoPki ca = DemoPki.load(Files.readAllBytes(DemoKeyStore.location()), DemoKeyStore.password());
        CertificateAuthority authority = em.createNamedQuery(CertificateAuthority.BY_ALIAS, CertificateAuthority.class)
                .setParameter("alias", DemoKeyStore.CA_ALIAS).getSingleResult();
        Organisation organisation = registry.registerOrganisation("OUT-" + unique.toUpperCase(), "Outbox " + unique,
                new PersonName("Nolwenn", "Relais"), "out-rep-" + unique + "@example.test", "12345678901234567890");
        String email = "out-" + unique + "@example.test";
        Holder holder = registry.registerHolder(organisation, new PersonName("Tugdual", "Courrier"), email,
                "OUT-" + unique.substring(0, 12), new Workplace("Siège", "Essais", "Testeur"),
                List.of(new QuestionAnswer("Ville", "Auray"), new QuestionAnswer("Heure", "9h00"),
                        new QuestionAnswer("Nom", "Le Bras")));
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IssueRequest issue = new IssueRequest(holder.getName().full(), organisation.getName(), email,
                    CertificateType.AUTHENTICATION, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                    System.getProperty("certrevoke.public-url"));
            serials.add(registry.registerCertificate(authority, holder, CertificateType.AUTHENTICATION,
                    ca.issue(issue).getEncoded(), null).getSerial());
        }
        return serials;
    }

    /** Client side: queues {@code count} mails to {@code prefix-i@example.test}. */
    public static void fill(String prefix, int count) {
        call("POST", "fill=" + count + "&to=" + prefix);
    }

    /** Client side: the serials of {@code count} new valid certificates of the demo CA. */
    public static List<String> certificates(int count) {
        return call("POST", "certificates=" + count);
    }

    /** Client side: {@code recipient|status|attempts|last error} of each mail to {@code prefix-…}. */
    public static List<String> mails(String prefix) {
        return call("GET", "to=" + prefix);
    }

    /** Client side: removes the mails to {@code prefix-…} still waiting, so that later tests do not wait behind them. */
    public static void drop(String prefix) {
        call("DELETE", "to=" + prefix);
    }

    private static List<String> call(String method, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Server.url("/it/outbox?" + query)))
                .timeout(Duration.ofMinutes(5)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + query + ": HTTP " + response.statusCode());
            }
            return response.body().isEmpty() ? List.of() : List.of(response.body().split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private void inTransaction(Work work) throws IOException {
        try {
            transaction.begin();
            try {
                work.run();
                transaction.commit();
            } catch (Exception e) {
                transaction.rollback();
                throw e;
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static void write(HttpServletResponse response, List<String> lines) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(String.join("\n", lines));
    }
}
