package org.certrevoke.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateType;

/** Reads the demo CA and the demo holders' certificates (never changes them) for tests of publication. */
@ApplicationScoped
public class DemoCertificates {

    public static final String CA_ALIAS = "demo-ca";

    @PersistenceContext
    EntityManager em;

    public Certificate of(String holderEmail, CertificateType type) {
        return em.createQuery("SELECT c FROM Certificate c WHERE c.holder.email = :email AND c.type = :type"
                        + " ORDER BY c.id", Certificate.class)
                .setParameter("email", holderEmail).setParameter("type", type).getResultList().get(0);
    }

    public byte[] caCertificate() {
        return em.createNamedQuery(CertificateAuthority.BY_ALIAS, CertificateAuthority.class)
                .setParameter("alias", CA_ALIAS).getSingleResult().getCertificateDer();
    }
}
