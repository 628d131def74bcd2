package org.certrevoke.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.demo.control.IssueRequest;
import org.certrevoke.notification.entity.OutboxMail;
import org.certrevoke.registry.boundary.Registry;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.registry.entity.PersonalQuestion;
import org.certrevoke.revocation.control.HolderQuery;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;

/**
 * Data of one test and nobody else's: each call registers a CA, an organisation, a holder and a valid
 * signature certificate under fresh names, committed in its own transaction, so that in-container tests
 * never touch the demo data the browser tests own and can run in any order, again and again on one
 * database. Also reads back what a use case left in the database, outside the use case's transaction.
 */
@ApplicationScoped
public class Fixtures {

    /** Accents, capitals and spaces, so that tests can type them differently. */
    public static final List<String> ANSWERS = List.of("Pont-l'Abbé", "7h45", "Le Floc'h");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Registry registry;

    @Inject
    SecretHasher hasher;

    @PersistenceContext
    EntityManager em;

    /** A valid certificate of a fresh holder, and the secrets that holder was registered with. */
    public record Issued(long certificateId, String serial, String holderName, String email, String idDocumentNumber,
                         List<String> answers, String cancellationCode, String accessKey) {

        public HolderQuery query() {
            return new HolderQuery(null, email, idDocumentNumber);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Issued validCertificate() {
        return validCertificateOf(new PersonName("Gwenaël", "Porteur"));
    }

    /** The same, for a holder of that name (whatever characters it holds). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Issued validCertificateOf(PersonName name) {
        String unique = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DemoPki pki = DemoPki.createCa("CN=IT CA " + unique + ",O=certrevoke IT,C=FR",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        CertificateAuthority authority = registry.registerAuthority("it-" + unique, der(pki.certificate()));

        String accessKey = digits(20);
        Organisation organisation = registry.registerOrganisation("IT-" + unique.toUpperCase(), "Organisation " + unique,
                new PersonName("Rozenn", "Représentante"), "it-rep-" + unique + "@example.test", accessKey);
        String email = "it-" + unique + "@example.test";
        String idDocumentNumber = "IT-" + digits(12);
        Holder holder = registry.registerHolder(organisation, name, email,
                idDocumentNumber, new Workplace("Siège", "Essais", "Testeur"),
                List.of(new QuestionAnswer("Ville de naissance", ANSWERS.get(0)),
                        new QuestionAnswer("Heure de naissance", ANSWERS.get(1)),
                        new QuestionAnswer("Nom de jeune fille de votre mère", ANSWERS.get(2))));

        X509Certificate issued = pki.issue(new IssueRequest(holder.getName().full(), organisation.getName(), email,
                CertificateType.SIGNATURE, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), null));
        String cancellationCode = new SecretCodes().cancellationCode();
        Certificate certificate = registry.registerCertificate(authority, holder, CertificateType.SIGNATURE,
                der(issued), cancellationCode);
        em.flush();
        return new Issued(certificate.getId(), certificate.getSerial(), holder.getName().full(), email,
                idDocumentNumber, ANSWERS, cancellationCode, accessKey);
    }

    /**
     * Hashes the holder's answers again in the form answers were hashed in before hyphens, apostrophes and
     * strokes were folded, as a holder registered then has them; returns the hashes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> hashAnswersInFirstForm(Issued issued) {
        Holder holder = certificate(issued.certificateId()).getHolder();
        for (int i = 0; i < issued.answers().size(); i++) {
            holder.rehashAnswer(i, hasher.hash(AnswerNormaliser.firstForm(issued.answers().get(i))));
        }
        em.flush();
        return answerHashes(issued);
    }

    /** The hashes of the holder's answers as stored. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> answerHashes(Issued issued) {
        return certificate(issued.certificateId()).getHolder().getQuestions().stream()
                .map(PersonalQuestion::getAnswerHash).toList();
    }

    /** The audit events about one certificate, oldest first. */
    public List<String> auditEventsAbout(String serial) {
        return em.createQuery("SELECT r.event FROM AuditRecord r WHERE r.certificateSerial = :serial ORDER BY r.id",
                String.class).setParameter("serial", serial).getResultList();
    }

    /** The audit events recorded for one client address, oldest first. */
    public List<String> auditEventsFrom(String clientAddress) {
        return em.createQuery("SELECT r.event FROM AuditRecord r WHERE r.clientAddress = :address ORDER BY r.id",
                String.class).setParameter("address", clientAddress).getResultList();
    }

    public List<OutboxMail> mailsTo(String recipient) {
        return em.createQuery("SELECT m FROM OutboxMail m WHERE m.recipient = :recipient ORDER BY m.id",
                OutboxMail.class).setParameter("recipient", recipient).getResultList();
    }

    public Certificate certificate(long id) {
        return em.find(Certificate.class, id);
    }

    /** A client address of the IPv6 documentation range (RFC 3849) that no other test run has used. */
    public static String freshClientAddress() {
        return String.format("2001:db8:%x:%x:%x:%x:%x:%x", RANDOM.nextInt(0x10000), RANDOM.nextInt(0x10000),
                RANDOM.nextInt(0x10000), RANDOM.nextInt(0x10000), RANDOM.nextInt(0x10000), RANDOM.nextInt(0x10000));
    }

    static String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
