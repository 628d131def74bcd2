package org.certrevoke.registry.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.certrevoke.registry.control.ParsedCertificate;
import org.certrevoke.registry.control.X509Parser;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.registry.entity.PersonalQuestion;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.LookupHasher;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;

/**
 * Records what the CA issued. Every secret is hashed on the way in; certificates are read from their
 * DER, never described by hand.
 */
@PermitAll
@Stateless
public class Registry {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretHasher hasher;

    @Inject
    LookupHasher lookup;

    /** A question and the holder's answer in clear, as the registration form gives them. */
    public record QuestionAnswer(String question, String answer) {
    }

    public CertificateAuthority registerAuthority(String alias, byte[] der) {
        ParsedCertificate parsed = X509Parser.parse(der);
        CertificateAuthority authority = new CertificateAuthority(alias, parsed.subjectDn(), der);
        em.persist(authority);
        return authority;
    }

    public Optional<Organisation> organisation(String identifier) {
        return em.createNamedQuery(Organisation.BY_IDENTIFIER, Organisation.class)
                .setParameter("identifier", identifier).getResultStream().findFirst();
    }

    public Organisation registerOrganisation(String identifier, String name, PersonName representative,
                                             String representativeEmail, String accessKey) {
        Organisation organisation = new Organisation(identifier, name);
        em.persist(organisation);
        em.persist(new LegalRepresentative(organisation, representative, representativeEmail,
                hasher.hash(SecretCodes.normaliseDigits(accessKey))));
        return organisation;
    }

    public Holder registerHolder(Organisation organisation, PersonName name, String email, String idDocumentNumber,
                                 Workplace workplace, List<QuestionAnswer> questions) {
        Holder holder = new Holder(organisation, name, email, lookup.idDocument(idDocumentNumber))
                .workingAt(workplace.establishment(), workplace.service(), workplace.function())
                .withQuestions(questions.stream()
                        .map(qa -> new PersonalQuestion(qa.question(), hasher.hash(AnswerNormaliser.normalise(qa.answer()))))
                        .toList());
        em.persist(holder);
        return holder;
    }

    /** Where the holder works, as shown to the legal representative. */
    public record Workplace(String establishment, String service, String function) {
    }

    public Certificate registerCertificate(CertificateAuthority authority, Holder holder, CertificateType type,
                                           byte[] der, String cancellationCode) {
        ParsedCertificate parsed = X509Parser.parse(der);
        Certificate certificate = new Certificate(authority, holder, type, new Certificate.Parsed(parsed.serial(),
                parsed.issuerDn(), parsed.subjectDn(), parsed.subjectAlternativeNames(), parsed.notBefore(),
                parsed.notAfter(), parsed.der()));
        if (cancellationCode != null) {
            certificate.protectWithCancellationCode(hasher.hash(SecretCodes.normaliseCancellationCode(cancellationCode)));
        }
        em.persist(certificate);
        return certificate;
    }
}
