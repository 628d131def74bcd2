package org.certrevoke.enterprise.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.revocation.control.UnknownCertificateException;

/**
 * The certificates of one organisation, and never of another: the organisation is part of every
 * query, so a certificate of someone else is simply not found. Filtering, sorting and paging happen
 * in the database, and the rows are read without the DER, so a page of an organisation with a
 * hundred thousand certificates costs one count and one small select.
 */
@ApplicationScoped
public class OrganisationCertificates {

    private static final String ROW = "c.serial, c.type, c.revoked, h.name.first, h.name.last, h.email, c.notBefore, c.notAfter";

    @PersistenceContext
    EntityManager em;

    public long count(long organisationId, CertificateFilter filter, Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(organisationId, filter, now, parameters);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Certificate c JOIN c.holder h" + where, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    public CertificatePage page(long organisationId, CertificateFilter filter, int first, int size,
                                SortField sort, boolean ascending, Instant now) {
        long total = count(organisationId, filter, now);
        Map<String, Object> parameters = new HashMap<>();
        String where = where(organisationId, filter, now, parameters);
        String order = " ORDER BY " + (sort == null ? SortField.NAME : sort).path() + (ascending ? " ASC" : " DESC") + ", c.id";
        TypedQuery<Object[]> select = em.createQuery("SELECT " + ROW + " FROM Certificate c JOIN c.holder h" + where + order,
                Object[].class);
        parameters.forEach(select::setParameter);
        List<CertificateRow> rows = new ArrayList<>();
        for (Object[] row : select.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size)).getResultList()) {
            rows.add(row(row, now));
        }
        return new CertificatePage(rows, total);
    }

    /** The organisation's certificate with that serial, or {@link UnknownCertificateException}. */
    public Certificate certificate(long organisationId, String serial) {
        if (serial == null || serial.length() > 64) {
            throw new UnknownCertificateException();
        }
        return em.createQuery("SELECT c FROM Certificate c WHERE c.serial = :serial"
                        + " AND c.holder.organisation.id = :organisation ORDER BY c.id", Certificate.class)
                .setParameter("serial", serial)
                .setParameter("organisation", organisationId)
                .setMaxResults(1)
                .getResultStream().findFirst()
                .orElseThrow(UnknownCertificateException::new);
    }

    private static String where(long organisationId, CertificateFilter filter, Instant now, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE h.organisation.id = :organisation");
        parameters.put("organisation", organisationId);
        if (filled(filter.email())) {
            where.append(" AND h.searchEmail LIKE :email ESCAPE '\\'");
            parameters.put("email", contains(filter.email()));
        }
        if (filled(filter.name())) {
            where.append(" AND h.searchName LIKE :name ESCAPE '\\'");
            parameters.put("name", contains(filter.name()));
        }
        // revokedAt rather than the flag: EclipseLink binds booleans as 0/1, which H2 2 refuses to compare
        if (filter.state() == CertificateState.REVOKED) {
            where.append(" AND c.revokedAt IS NOT NULL");
        } else if (filter.state() == CertificateState.VALID) {
            where.append(" AND c.revokedAt IS NULL AND c.notAfter >= :now");
            parameters.put("now", now);
        }
        return where.toString();
    }

    private static boolean filled(String field) {
        return field != null && !field.isBlank();
    }

    private static String contains(String typed) {
        String escaped = Holder.searchForm(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static CertificateRow row(Object[] row, Instant now) {
        boolean revoked = (Boolean) row[2];
        Instant notAfter = (Instant) row[7];
        CertificateState state = revoked ? CertificateState.REVOKED
                : now.isAfter(notAfter) ? CertificateState.EXPIRED : CertificateState.VALID;
        return new CertificateRow((String) row[0], (CertificateType) row[1], state, row[3] + " " + row[4],
                (String) row[5], (Instant) row[6], notAfter);
    }
}
