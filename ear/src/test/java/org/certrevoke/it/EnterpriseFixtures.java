package org.certrevoke.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.demo.control.IssueRequest;
import org.certrevoke.notification.control.MailSeal;
import org.certrevoke.notification.entity.OutboxMail;
import org.certrevoke.registry.boundary.Registry;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;

/**
 * An organisation of one test and nobody else's, for the enterprise area: a representative with a
 * known access key and three holders whose names carry accents and capitals (one certificate each,
 * the last one revoked). Committed in its own transaction; reads back the codes e-mailed to the
 * representative from the outbox.
 */
@ApplicationScoped
public class EnterpriseFixtures {

    @Inject
    MailSeal seal;

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    Registry registry;

    @PersistenceContext
    EntityManager em;

    /** What a test needs to know of its organisation; serials in the order Maëlle, Éric, Anaïs (revoked). */
    public record Org(String identifier, String accessKey, long representativeId, String representativeEmail,
                      List<String> serials) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Org organisation() {
        String unique = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DemoPki pki = DemoPki.createCa("CN=IT Enterprise CA " + unique + ",O=certrevoke IT,C=FR",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        CertificateAuthority authority = registry.registerAuthority("it-ent-" + unique, Fixtures.der(pki.certificate()));
        String identifier = "IT-ENT-" + unique.toUpperCase();
        String accessKey = Fixtures.digits(20);
        String representativeEmail = "it-rep-" + unique + "@example.test";
        Organisation organisation = registry.registerOrganisation(identifier, "Entreprise " + unique,
                new PersonName("Katell", "Représentante"), representativeEmail, accessKey);
        List<String> serials = new ArrayList<>();
        String[][] people = {{"Maëlle", "Kerhervé"}, {"Éric", "Le Dû"}, {"Anaïs", "Quéré"}};
        for (String[] person : people) {
            String email = Normalizer.normalize(person[0], Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT) + "." + unique + "@example.test";
            Holder holder = registry.registerHolder(organisation, new PersonName(person[0], person[1]), email,
                    "IT-" + Fixtures.digits(12), new Workplace("Siège", "Essais", "Testeur"),
                    List.of(new QuestionAnswer("a", "a"), new QuestionAnswer("b", "b"), new QuestionAnswer("c", "c")));
            X509Certificate issued = pki.issue(new IssueRequest(holder.getName().full(), organisation.getName(), email,
                    CertificateType.SIGNATURE, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), null));
            Certificate certificate = registry.registerCertificate(authority, holder, CertificateType.SIGNATURE,
                    Fixtures.der(issued), null);
            serials.add(certificate.getSerial());
            if (person == people[2]) {
                certificate.revoke(now, RevocationReason.CERTIFICATE_REPLACEMENT, CrlReason.SUPERSEDED,
                        new Requester(Requester.Kind.OPERATOR, "IT"));
            }
        }
        em.flush();
        long representativeId = em.createNamedQuery(LegalRepresentative.OF_ORGANISATION, LegalRepresentative.class)
                .setParameter("organisation", organisation).getSingleResult().getId();
        return new Org(identifier, accessKey, representativeId, representativeEmail, List.copyOf(serials));
    }

    /** The body of a queued mail as its recipient reads it. */
    public String opened(OutboxMail mail) {
        return seal.open(mail.getBody());
    }

    /** The code of the newest code mail to that address. */
    public String lastCodeMailedTo(String email) {
        List<OutboxMail> mails = em.createQuery("SELECT m FROM OutboxMail m WHERE m.recipient = :recipient"
                + " AND m.subject LIKE '%code%' ORDER BY m.id DESC", OutboxMail.class)
                .setParameter("recipient", email).setMaxResults(1).getResultList();
        if (mails.isEmpty()) {
            throw new AssertionError("no code mailed to " + email);
        }
        Matcher code = CODE.matcher(seal.open(mails.get(0).getBody()));
        if (!code.find()) {
            throw new AssertionError("no code in the newest code mail to " + email);
        }
        return code.group(1);
    }

    public long certificateId(Org org, String serial) {
        return em.createQuery("SELECT c.id FROM Certificate c WHERE c.serial = :serial"
                + " AND c.holder.organisation.identifier = :organisation", Long.class)
                .setParameter("serial", serial).setParameter("organisation", org.identifier()).getSingleResult();
    }

    /** What the database holds of the representative's newest code. */
    public String storedCodeHashOf(long representativeId) {
        return em.createQuery("SELECT c.codeHash FROM LoginCode c WHERE c.representative.id = :representative"
                + " ORDER BY c.id DESC", String.class)
                .setParameter("representative", representativeId).setMaxResults(1).getSingleResult();
    }
}
