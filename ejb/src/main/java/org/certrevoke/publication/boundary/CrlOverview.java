package org.certrevoke.publication.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certrevoke.backoffice.control.StaffRoles;
import org.certrevoke.publication.control.CrlState;
import org.certrevoke.publication.control.PublicationUrls;

/** The CRL of every CA as the auditor checks it: number, this and next update, entries, overdue. Read-only. */
@Stateless
@RolesAllowed(StaffRoles.AUDITOR)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CrlOverview {

    @PersistenceContext
    EntityManager em;

    @Inject
    PublicationUrls urls;

    @Inject
    Clock clock;

    public List<CrlState> all() {
        Instant now = clock.instant();
        Map<Long, Object[]> published = em.createQuery("SELECT p.authorityId, p.crlNumber, p.thisUpdate, p.nextUpdate,"
                        + " p.entries FROM PublishedCrl p WHERE p.thisUpdate IS NOT NULL", Object[].class)
                .getResultStream().collect(Collectors.toMap(row -> (Long) row[0], Function.identity()));
        return em.createQuery("SELECT a.id, a.alias, a.subjectDn FROM CertificateAuthority a ORDER BY a.alias", Object[].class)
                .getResultStream()
                .map(ca -> state((String) ca[1], (String) ca[2], published.get((Long) ca[0]), now))
                .toList();
    }

    private CrlState state(String alias, String subjectDn, Object[] crl, Instant now) {
        if (crl == null) {
            return new CrlState(alias, subjectDn, null, null, null, null, true, urls.crl(alias));
        }
        Instant nextUpdate = (Instant) crl[3];
        return new CrlState(alias, subjectDn, (Long) crl[1], (Instant) crl[2], nextUpdate, (Long) crl[4],
                now.isAfter(nextUpdate), urls.crl(alias));
    }
}
