package org.certrevoke.enterprise.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        List<Object> parameters = new ArrayList<>();
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM certificate" + where(organisationId, filter, now, parameters));
        bind(count, parameters);
        return ((Number) count.getSingleResult()).longValue();
    }

    public List<CertificateRow> page(long organisationId, CertificateFilter filter, int first, int size,
                                     SortField sort, boolean ascending, Instant now) {
        List<Object> parameters = new ArrayList<>();
        String where = where(organisationId, filter, now, parameters);
        String column = (sort == null ? SortField.NAME : sort).column();
        String direction = ascending ? " ASC" : " DESC";
        String select;
        if (filled(filter.email()) || filled(filter.name())) {
            // Few rows match a part of a name or e-mail, and they may all sit at the far end of the sort order:
            // find them first (PostgreSQL through the trigram indexes), then sort them. OFFSET 0 keeps the
            // planner from walking the sort index instead and filtering as it goes.
            select = "SELECT id FROM (SELECT id, " + column + " AS sort_key FROM certificate" + where
                    + " OFFSET 0) matching ORDER BY sort_key" + direction + ", id" + direction;
        } else {
            // The ORDER BY is exactly an index's columns, the organisation first: H2 reads an index in order
            // (and stops after the page) only then, and only forwards (V8_1 for H2 adds the descending
            // indexes); PostgreSQL reads the V8 indexes either way.
            select = "SELECT id FROM certificate" + where + " ORDER BY organisation_id, " + column + direction
                    + ", id" + direction;
        }
        parameters.add(Math.max(1, size));
        parameters.add(Math.max(0, first));
        Query page = em.createNativeQuery(select + " LIMIT ?" + (parameters.size() - 1) + " OFFSET ?" + parameters.size());
        bind(page, parameters);
        List<Long> ids = ((List<?>) page.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
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

    private static String where(long organisationId, CertificateFilter filter, Instant now, List<Object> parameters) {
        parameters.add(organisationId);
        StringBuilder where = new StringBuilder(" WHERE organisation_id = ?1");
        if (filled(filter.email())) {
            parameters.add(contains(filter.email()));
            where.append(" AND holder_search_email LIKE ?").append(parameters.size()).append(" ESCAPE '\\'");
        }
        if (filled(filter.name())) {
            parameters.add(contains(filter.name()));
            where.append(" AND holder_search_name LIKE ?").append(parameters.size()).append(" ESCAPE '\\'");
        }
        if (filter.state() == CertificateState.REVOKED) {
            where.append(" AND revoked_at IS NOT NULL");
        } else if (filter.state() == CertificateState.VALID) {
            parameters.add(now.atOffset(ZoneOffset.UTC));
            where.append(" AND revoked_at IS NULL AND not_after >= ?").append(parameters.size());
        }
        return where.toString();
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
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
