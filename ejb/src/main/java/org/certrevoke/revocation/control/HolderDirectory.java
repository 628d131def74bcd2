package org.certrevoke.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.security.control.LookupHasher;

/**
 * Finds a holder's certificates from what the holder types. An unknown pair and a known holder
 * without certificates give the same empty answer.
 */
@ApplicationScoped
public class HolderDirectory {

    private static final int LONGEST_EMAIL = EmailAddress.MAX_LENGTH;
    private static final int LONGEST_ID_DOCUMENT = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    LookupHasher lookup;

    public List<Certificate> certificates(HolderQuery query) {
        List<Holder> holders = holders(query);
        if (holders.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Certificate.OF_HOLDERS, Certificate.class)
                .setParameter("holders", holders)
                .getResultList().stream()
                .filter(certificate -> query.type() == null || certificate.getType() == query.type())
                .toList();
    }

    /** The holder's certificate with that serial, or {@link UnknownCertificateException}. */
    public Certificate certificate(HolderQuery query, String serial) {
        return certificates(new HolderQuery(null, query.email(), query.idDocumentNumber())).stream()
                .filter(certificate -> certificate.getSerial().equals(serial))
                .findFirst()
                .orElseThrow(UnknownCertificateException::new);
    }

    /** The same, locked for update: concurrent revocations of one certificate queue up here. */
    public Certificate certificateForUpdate(long id) {
        return em.find(Certificate.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private List<Holder> holders(HolderQuery query) {
        if (query.email() == null || query.idDocumentNumber() == null
                || query.email().length() > LONGEST_EMAIL || query.idDocumentNumber().length() > LONGEST_ID_DOCUMENT) {
            return List.of();
        }
        return em.createNamedQuery(Holder.BY_LOOKUP, Holder.class)
                .setParameter("email", Holder.emailLookup(query.email()))
                .setParameter("idDocument", lookup.idDocument(query.idDocumentNumber()))
                .getResultList();
    }
}
