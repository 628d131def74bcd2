package org.certrevoke.backoffice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.control.UnknownCertificateException;

/** Finds any certificate of any organisation for an operator, from what the operator was given. */
@ApplicationScoped
public class OperatorCertificates {

    @PersistenceContext
    EntityManager em;

    public Certificate find(CertificateRef ref) {
        if (ref == null || !ref.wellFormed()) {
            throw new UnknownCertificateException();
        }
        List<Certificate> found = ref.authority() == null
                ? em.createNamedQuery(Certificate.BY_SERIAL, Certificate.class)
                        .setParameter("serial", ref.serial()).getResultList()
                : em.createNamedQuery(Certificate.BY_AUTHORITY_AND_SERIAL, Certificate.class)
                        .setParameter("alias", ref.authority()).setParameter("serial", ref.serial()).getResultList();
        if (found.isEmpty()) {
            throw new UnknownCertificateException();
        }
        if (found.size() > 1) {
            throw new AmbiguousCertificateException();
        }
        return found.get(0);
    }

    /** The same, refused unless it can still be revoked: requests are only recorded for valid certificates. */
    public Certificate revocable(CertificateRef ref, Instant now) {
        Certificate certificate = find(ref);
        CertificateState state = certificate.stateAt(now);
        if (state != CertificateState.VALID) {
            throw new RevocationRefusedException(state);
        }
        return certificate;
    }
}
