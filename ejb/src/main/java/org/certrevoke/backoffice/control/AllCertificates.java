package org.certrevoke.backoffice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.Holder;

/**
 * Every certificate of every organisation, for the CA's operators. A search returns at most a
 * screenful: an operator looks for one caller's certificate, and refines the search rather than pages.
 */
@ApplicationScoped
public class AllCertificates {

    private static final String ROW = "a.alias, c.serial, c.type, c.revoked, h.name.first, h.name.last, h.email, o.name,"
            + " c.notBefore, c.notAfter";

    @PersistenceContext
    EntityManager em;

    public List<FoundCertificate> find(StaffSearch search, int limit, Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (StaffSearch.filled(search.serial())) {
            where.append(" AND c.serial LIKE :serial");
            parameters.put("serial", search.serialDigits().replaceFirst("^0+(?=.)", "") + "%");
        }
        if (StaffSearch.filled(search.email())) {
            where.append(" AND h.searchEmail LIKE :email ESCAPE '\\'");
            parameters.put("email", contains(Holder.searchForm(search.email())));
        }
        if (StaffSearch.filled(search.name())) {
            where.append(" AND h.searchName LIKE :name ESCAPE '\\'");
            parameters.put("name", contains(Holder.searchForm(search.name())));
        }
        if (StaffSearch.filled(search.organisation())) {
            where.append(" AND (LOWER(o.name) LIKE :organisation ESCAPE '\\' OR LOWER(o.identifier) LIKE :organisation ESCAPE '\\')");
            parameters.put("organisation", contains(search.organisation().strip().toLowerCase(Locale.ROOT)));
        }
        TypedQuery<Object[]> query = em.createQuery("SELECT " + ROW + " FROM Certificate c JOIN c.authority a"
                + " JOIN c.holder h JOIN h.organisation o" + where
                + " ORDER BY h.name.last, h.name.first, c.notAfter DESC, c.id", Object[].class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList().stream().map(row -> found(row, now)).toList();
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static FoundCertificate found(Object[] row, Instant now) {
        boolean revoked = (Boolean) row[3];
        Instant notAfter = (Instant) row[9];
        CertificateState state = revoked ? CertificateState.REVOKED
                : now.isAfter(notAfter) ? CertificateState.EXPIRED : CertificateState.VALID;
        return new FoundCertificate((String) row[0], (String) row[1], (CertificateType) row[2], state,
                row[4] + " " + row[5], (String) row[6], (String) row[7], (Instant) row[8], notAfter);
    }
}
