package org.certrevoke.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the audit log the way the auditor filters it, newest first, a page at a time: filtering and
 * paging happen in the database.
 */
@ApplicationScoped
public class AuditQuery {

    @PersistenceContext
    EntityManager em;

    public long count(AuditFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM AuditRecord r" + where(filter, parameters), Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    public List<AuditRow> page(AuditFilter filter, int first, int size) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Object[]> select = em.createQuery("SELECT r.id, r.recordedAt, r.event, r.actor, r.clientAddress,"
                + " r.certificateSerial, r.details FROM AuditRecord r" + where(filter, parameters) + " ORDER BY r.id DESC",
                Object[].class);
        parameters.forEach(select::setParameter);
        return select.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size)).getResultStream()
                .map(row -> new AuditRow((Long) row[0], (Instant) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[5], (String) row[6]))
                .toList();
    }

    private static String where(AuditFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add("r.recordedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.until() != null) {
            conditions.add("r.recordedAt < :until");
            parameters.put("until", filter.until());
        }
        if (filter.event() != null) {
            conditions.add("r.event = :event");
            parameters.put("event", filter.event());
        }
        if (filter.serial() != null) {
            conditions.add("r.certificateSerial LIKE :serial ESCAPE '\\'");
            parameters.put("serial", literal(filter.serial()) + "%");
        }
        if (filter.actor() != null) {
            conditions.add("LOWER(r.actor) LIKE :actor ESCAPE '\\'");
            parameters.put("actor", "%" + literal(filter.actor().toLowerCase(Locale.ROOT)) + "%");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String literal(String typed) {
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
