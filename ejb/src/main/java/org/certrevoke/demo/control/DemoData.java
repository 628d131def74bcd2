package org.certrevoke.demo.control;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import org.certrevoke.registry.boundary.Registry;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the demo data listed in the README at the first start in demo mode, in one transaction,
 * and prints where to click. Does nothing when demo mode is off or the data already exists. Servers of a
 * cluster started together on an empty database take the {@code demo-data} startup lock first: one creates the
 * data (and the demo CA's key, in the key store they share), the others wait for it and find it there.
 */
@PermitAll
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final String QUESTION_1 = "Lieu de naissance de votre père";
    private static final String QUESTION_2 = "Heure de votre naissance";
    private static final String QUESTION_3 = "Nom de jeune fille de votre mère";

    @Inject
    @ConfigProperty(name = "certrevoke.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "certrevoke.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    Registry registry;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    private DemoPki pki;
    private CertificateAuthority authority;
    private Instant now;

    @PostConstruct
    void createOnFirstStart() {
        if (!demo) {
            return;
        }
        em.createNativeQuery("SELECT name FROM startup_lock WHERE name = 'demo-data' FOR UPDATE").getResultList();
        if (registry.organisation("ORG-TAILLAN").isEmpty()) {
            create();
        }
        LOG.info(DemoBanner.text(publicUrl));
    }

    private void create() {
        now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        pki = DemoPki.createCa("CN=certrevoke Demo CA,O=certrevoke,C=FR", now.minus(Duration.ofDays(365)),
                now.plus(Duration.ofDays(3650)));
        authority = registry.registerAuthority("demo-ca", der(pki.certificate()));
        DemoKeyStore.save(pki);

        Organisation taillan = registry.registerOrganisation("ORG-TAILLAN", "Garage du Taillan",
                new PersonName("Anne", "Kerouac"), "anne.kerouac@garage-taillan.example", "48213907561284930172");
        Holder claire = holder(taillan, "Claire", "Martin", "claire.martin@garage-taillan.example", "FR-123456789",
                new Workplace("Siège", "Comptabilité", "Comptable"), "Quimper", "14h30", "Le Goff");
        issue(claire, CertificateType.SIGNATURE, validNow(), "K7Q2-9XPM-4TRD");
        issue(claire, CertificateType.AUTHENTICATION, validNow(), null);
        Holder yann = holder(taillan, "Yann", "Le Bihan", "yann.lebihan@garage-taillan.example", "FR-987654321",
                new Workplace("Atelier de Mérignac", "Mécanique", "Chef d'atelier"), "Brest", "08h15", "Tanguy");
        issue(yann, CertificateType.SIGNATURE, validNow(), null);
        issue(yann, CertificateType.AUTHENTICATION, validNow(), null)
                .revoke(now.minus(Duration.ofDays(12)), RevocationReason.CERTIFICATE_REPLACEMENT,
                        RevocationReason.CERTIFICATE_REPLACEMENT.crlReason(false),
                        new Requester(Requester.Kind.OPERATOR, "Démo"));

        Organisation kouign = registry.registerOrganisation("ORG-KOUIGN", "Boulangerie Kouign Aman",
                new PersonName("Paul", "Le Du"), "paul.ledu@kouign-aman.example", "90817263544536271809");
        Holder maelle = holder(kouign, "Maëlle", "Guillou", "maelle.guillou@kouign-aman.example", "FR-555666777",
                new Workplace("Boutique de Douarnenez", "Vente", "Responsable de boutique"), "Morlaix", "06h00", "Riou");
        issue(maelle, CertificateType.SIGNATURE, validNow(), null);
        issue(maelle, CertificateType.AUTHENTICATION, new Instant[] {now.minus(Duration.ofDays(3 * 365 + 40)),
                now.minus(Duration.ofDays(40))}, null);
        Holder erwan = holder(kouign, "Erwan", "Tanguy", "erwan.tanguy@kouign-aman.example", "FR-222333444",
                new Workplace("Fournil", "Production", "Boulanger"), "Lorient", "23h45", "Caradec");
        issue(erwan, CertificateType.SIGNATURE, validNow(), null);
        Holder soizic = holder(kouign, "Soizic", "Le Gall", "soizic.legall@kouign-aman.example", "FR-888999000",
                new Workplace("Siège", "Administration", "Gérante adjointe"), "Vannes", "12h10", "Morvan");
        issue(soizic, CertificateType.SIGNATURE, validNow(), null);
        issue(soizic, CertificateType.AUTHENTICATION, validNow(), null);
    }

    private Holder holder(Organisation organisation, String first, String last, String email, String idDocument,
                          Workplace workplace, String answer1, String answer2, String answer3) {
        return registry.registerHolder(organisation, new PersonName(first, last), email, idDocument, workplace,
                List.of(new QuestionAnswer(QUESTION_1, answer1), new QuestionAnswer(QUESTION_2, answer2),
                        new QuestionAnswer(QUESTION_3, answer3)));
    }

    private Instant[] validNow() {
        return new Instant[] {now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3 * 365))};
    }

    private Certificate issue(Holder holder, CertificateType type, Instant[] validity, String cancellationCode) {
        IssueRequest request = new IssueRequest(holder.getName().full(), holder.getOrganisation().getName(),
                holder.getEmail(), type, validity[0], validity[1], publicUrl);
        Certificate certificate = registry.registerCertificate(authority, holder, type, der(pki.issue(request)),
                cancellationCode);
        em.flush();
        return certificate;
    }

    private static byte[] der(java.security.cert.X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
