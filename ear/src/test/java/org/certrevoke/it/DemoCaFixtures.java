package org.certrevoke.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.certrevoke.demo.control.DemoKeyStore;
import org.certrevoke.demo.control.DemoPki;
import org.certrevoke.demo.control.IssueRequest;
import org.certrevoke.registry.boundary.Registry;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;

/**
 * A valid certificate of the demo CA that no other test knows of, issued with the demo CA's key and
 * pointing at this server's CRL and OCSP URLs: publication tests need a certificate that is sure to be
 * valid, and the demo holders' certificates are revoked by other tests in any order.
 */
@ApplicationScoped
public class DemoCaFixtures {

    @Inject
    Registry registry;

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Certificate validCertificate() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return certificate(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /**
     * A certificate that expired yesterday, revoked (key compromise) two days before it expired, invalid
     * since the day before that: written as it would stand today, since no revocation of an expired
     * certificate is accepted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Certificate expiredRevokedCertificate() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Certificate certificate = certificate(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        certificate.revoke(now.minus(Duration.ofDays(3)), RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE,
                new Requester(Requester.Kind.HOLDER, "Tugdual Valide"));
        certificate.invalidSince(now.minus(Duration.ofDays(4)));
        em.flush();
        return certificate;
    }

    private Certificate certificate(Instant notBefore, Instant notAfter) {
        String unique = UUID.randomUUID().toString();
        DemoPki ca = demoCa();
        CertificateAuthority authority = em.createNamedQuery(CertificateAuthority.BY_ALIAS, CertificateAuthority.class)
                .setParameter("alias", DemoKeyStore.CA_ALIAS).getSingleResult();
        Organisation organisation = registry.registerOrganisation("PUB-" + unique.toUpperCase(), "Publication " + unique,
                new PersonName("Nolwenn", "Relais"), "pub-rep-" + unique + "@example.test", "1234567890" + "1234567890");
        String email = "pub-" + unique + "@example.test";
        Holder holder = registry.registerHolder(organisation, new PersonName("Tugdual", "Valide"), email,
                "PUB-" + unique.substring(0, 12), new Workplace("Siège", "Essais", "Testeur"),
                List.of(new QuestionAnswer("Ville", "Auray"), new QuestionAnswer("Heure", "9h00"),
                        new QuestionAnswer("Nom", "Le Bras")));
        IssueRequest request = new IssueRequest(holder.getName().full(), organisation.getName(), email,
                CertificateType.AUTHENTICATION, notBefore, notAfter,
                System.getProperty("certrevoke.public-url"));
        try {
            Certificate certificate = registry.registerCertificate(authority, holder, CertificateType.AUTHENTICATION,
                    ca.issue(request).getEncoded(), null);
            em.flush();
            return certificate;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DemoPki demoCa() {
        try {
            return DemoPki.load(Files.readAllBytes(DemoKeyStore.location()), DemoKeyStore.password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
