package org.certrevoke.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.demo.control.IssueRequest;
import org.certrevoke.registry.boundary.Registry;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.security.control.SecretCodes;

/**
 * For the tests that race the limits, inside the server: the counter rows of the {@code throttle} table read,
 * set and put back (budgets that tests share, such as the loopback address's or an operator's, are put back as
 * they were), the audit records a burst left (event and details), and a holder with several certificates.
 */
@ApplicationScoped
public class Limits {

    @PersistenceContext
    EntityManager em;

    @Inject
    Registry registry;

    /** A counter row as it is stored: {@code attempts|window start|locked until}, or null when there is none. */
    public record Row(int attempts, OffsetDateTime windowStart, OffsetDateTime lockedUntil) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Row row(String subject) {
        List<?> rows = em.createNativeQuery("SELECT attempts, window_start, locked_until FROM throttle WHERE subject = ?")
                .setParameter(1, subject).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Row(((Number) row[0]).intValue(), time(row[1]), time(row[2]));
    }

    /** Puts the row back as {@link #row} read it (null: no row). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void set(String subject, Row row) {
        em.createNativeQuery("DELETE FROM throttle WHERE subject = ?").setParameter(1, subject).executeUpdate();
        if (row != null) {
            em.createNativeQuery("INSERT INTO throttle (subject, attempts, window_start) VALUES (?, ?, ?)")
                    .setParameter(1, subject).setParameter(2, row.attempts()).setParameter(3, row.windowStart())
                    .executeUpdate();
            if (row.lockedUntil() != null) {
                em.createNativeQuery("UPDATE throttle SET locked_until = ? WHERE subject = ?")
                        .setParameter(1, row.lockedUntil()).setParameter(2, subject).executeUpdate();
            }
        }
    }

    /** A row of {@code attempts} counted just now, not locked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void counted(String subject, int attempts) {
        set(subject, new Row(attempts, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), null));
    }

    public boolean locked(String subject) {
        Row row = row(subject);
        return row != null && row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(Instant.now());
    }

    /** How many audit records of each event about that certificate. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Long> eventsAbout(String serial) {
        return count(em.createQuery("SELECT r.event FROM AuditRecord r WHERE r.certificateSerial = :serial", String.class)
                .setParameter("serial", serial).getResultList());
    }

    /** How many audit records of each event (with its details after a space, when {@code withDetails}) from that address. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Long> eventsFrom(String clientAddress, boolean withDetails) {
        return count(em.createQuery("SELECT r.event, r.details FROM AuditRecord r WHERE r.clientAddress = :address",
                        Object[].class).setParameter("address", clientAddress).getResultList().stream()
                .map(row -> withDetails && row[1] != null ? row[0] + " " + row[1] : (String) row[0]).toList());
    }

    /** How many mails are queued for that address whose subject contains {@code subjectPart}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long mailsTo(String recipient, String subjectPart) {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMail m WHERE m.recipient = :recipient"
                        + " AND m.subject LIKE :subject", Long.class)
                .setParameter("recipient", recipient).setParameter("subject", "%" + subjectPart + "%").getSingleResult();
    }

    /** A holder like {@link Fixtures#validCertificate}'s, with {@code certificates} valid certificates, each with its code. */
    public record Several(Fixtures.Issued first, List<String> serials, List<String> cancellationCodes, long holderId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Several holderWithCertificates(int certificates) {
        String unique = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DemoPki pki = DemoPki.createCa("CN=IT Limits CA " + unique + ",O=certrevoke IT,C=FR",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        CertificateAuthority authority = registry.registerAuthority("it-lim-" + unique, Fixtures.der(pki.certificate()));
        String accessKey = Fixtures.digits(20);
        Organisation organisation = registry.registerOrganisation("IT-LIM-" + unique.toUpperCase(), "Organisation " + unique,
                new PersonName("Rozenn", "Représentante"), "it-lim-rep-" + unique + "@example.test", accessKey);
        String email = "it-lim-" + unique + "@example.test";
        String idDocumentNumber = "IT-" + Fixtures.digits(12);
        Holder holder = registry.registerHolder(organisation, new PersonName("Gwenaël", "Porteur"), email,
                idDocumentNumber, new Workplace("Siège", "Essais", "Testeur"),
                List.of(new QuestionAnswer("Ville de naissance", Fixtures.ANSWERS.get(0)),
                        new QuestionAnswer("Heure de naissance", Fixtures.ANSWERS.get(1)),
                        new QuestionAnswer("Nom de jeune fille de votre mère", Fixtures.ANSWERS.get(2))));
        List<String> serials = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < certificates; i++) {
            CertificateType type = i % 2 == 0 ? CertificateType.SIGNATURE : CertificateType.AUTHENTICATION;
            X509Certificate issued = pki.issue(new IssueRequest(holder.getName().full(), organisation.getName(), email,
                    type, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), null));
            String code = new SecretCodes().cancellationCode();
            Certificate certificate = registry.registerCertificate(authority, holder, type, Fixtures.der(issued), code);
            serials.add(certificate.getSerial());
            codes.add(code);
            ids.add(certificate.getId());
        }
        em.flush();
        return new Several(new Fixtures.Issued(ids.get(0), serials.get(0), holder.getName().full(), email,
                idDocumentNumber, Fixtures.ANSWERS, codes.get(0), accessKey), serials, codes, holder.getId());
    }

    private static Map<String, Long> count(List<String> events) {
        return events.stream().collect(Collectors.groupingBy(event -> event, Collectors.counting()));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString().replace(' ', 'T'));
    }
}
