package org.certrevoke.enterprise.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Comparator;
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
 * in the database on the certificate table alone, whose copies of the organisation and the holder's
 * search forms are indexed together with each sortable column: a page of an organisation with a
 * hundred thousand certificates reads its twenty ids from one index, then those twenty rows. The
 * count is asked for separately, once per search.
 */
@ApplicationScoped
public class OrganisationCertificates {

    private static final String ROW = "c.id, c.serial, c.type, c.revoked, h.name.first, h.name.last, h.email, c.notBefore, c.notAfter";

    @PersistenceContext
    EntityManager em;

    public long count(long organisationId, CertificateFilter filter, Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(organisationId, filter, now, parameters);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c.id) FROM Certificate c" + where, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    public List<CertificateRow> page(long organisationId, CertificateFilter filter, int first, int size,
                                     SortField sort, boolean ascending, Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(organisationId, filter, now, parameters);
        String direction = ascending ? " ASC" : " DESC";
        TypedQuery<Long> page = em.createQuery("SELECT c.id FROM Certificate c" + where
                + " ORDER BY " + (sort == null ? SortField.NAME : sort).path() + direction + ", c.id" + direction, Long.class);
        parameters.forEach(page::setParameter);
        List<Long> ids = page.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size)).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("SELECT " + ROW + " FROM Certificate c JOIN c.holder h WHERE c.id IN :ids",
                Object[].class).setParameter("ids", ids).getResultList();
        return rows.stream()
                .sorted(Comparator.comparingInt(row -> ids.indexOf((Long) row[0])))
                .map(row -> row(row, now))
                .toList();
    }

    /** The organisation's certificate with that serial, or {@link UnknownCertificateException}. */
    public Certificate certificate(long organisationId, String serial) {
        if (serial == null || serial.length() > 64) {
            throw new UnknownCertificateException();
        }
        return em.createQuery("SELECT c FROM Certificate c WHERE c.serial = :serial"
                        + " AND c.organisation.id = :organisation ORDER BY c.id", Certificate.class)
                .setParameter("serial", serial)
                .setParameter("organisation", organisationId)
                .setMaxResults(1)
                .getResultStream().findFirst()
                .orElseThrow(UnknownCertificateException::new);
    }

    private static String where(long organisationId, CertificateFilter filter, Instant now, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE c.organisation.id = :organisation");
        parameters.put("organisation", organisationId);
        if (filled(filter.email())) {
            where.append(" AND c.holderSearchEmail LIKE :email ESCAPE '\\'");
            parameters.put("email", contains(filter.email()));
        }
        if (filled(filter.name())) {
            where.append(" AND c.holderSearchName LIKE :name ESCAPE '\\'");
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
        boolean revoked = (Boolean) row[3];
        Instant notAfter = (Instant) row[8];
        CertificateState state = revoked ? CertificateState.REVOKED
                : now.isAfter(notAfter) ? CertificateState.EXPIRED : CertificateState.VALID;
        return new CertificateRow((String) row[1], (CertificateType) row[2], state, row[4] + " " + row[5],
                (String) row[6], (Instant) row[7], notAfter);
    }
}
