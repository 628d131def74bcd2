package org.certrevoke.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.certrevoke.registry.entity.CertificateAuthority;

/**
 * Finds which of the CAs we serve signed a certificate. Matching the issuer name alone would let anyone
 * register a certificate they made up under our CA's name, so the signature decides.
 */
@ApplicationScoped
public class Issuers {

    @PersistenceContext
    EntityManager em;

    public CertificateAuthority issuerOf(ParsedCertificate certificate) {
        List<CertificateAuthority> named = em.createNamedQuery(CertificateAuthority.BY_SUBJECT, CertificateAuthority.class)
                .setParameter("subjectDn", certificate.issuerDn()).getResultList();
        if (named.isEmpty()) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Why.UNKNOWN_ISSUER,
                    "No CA served here is named " + certificate.issuerDn() + ".");
        }
        return named.stream()
                .filter(authority -> X509Parser.isSignedBy(certificate.der(), authority.getCertificateDer()))
                .findFirst()
                .orElseThrow(() -> new RegistrationRefusedException(RegistrationRefusedException.Why.BAD_SIGNATURE,
                        "The signature of the certificate does not verify with the key of " + certificate.issuerDn() + "."));
    }
}
