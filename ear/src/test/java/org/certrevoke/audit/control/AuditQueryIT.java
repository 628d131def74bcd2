package org.certrevoke.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.entity.AuditRecord;
import org.certrevoke.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The log's filters on the real database, on records of the test's own: each test writes records whose
 * actor carries a fresh marker, so the many records of the other tests never match.
 */
@ExtendWith(ArquillianExtension.class)
class AuditQueryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(AuditQueryIT.class);
    }

    @Inject
    AuditQuery query;

    @Inject
    AuditLog log;

    @Test
    void eachFilterAloneAndTogether() {
        String marker = marker();
        String serial = "c0ffee" + marker.substring(3, 11);
        AuditRecord search = record(AuditEventType.HOLDER_SEARCH, "Holder " + marker, null);
        AuditRecord revocation = record(AuditEventType.REVOCATION, "HOLDER:Gwenaël " + marker, serial);
        AuditRecord lockout = record(AuditEventType.LOCKOUT, "system " + marker, serial);
        record(AuditEventType.REVOCATION, "someone else " + UUID.randomUUID(), serial + "00");

        assertEquals(ids(lockout, revocation, search), ids(filter(null, null, null, null, marker.toUpperCase())),
                "actor, any case, newest first");
        assertEquals(ids(revocation), ids(filter(null, null, "REVOCATION", null, marker)), "event and actor");
        assertEquals(ids(lockout, revocation), ids(filter(null, null, null, serial.toUpperCase(), marker)), "serial");
        assertEquals(3, query.count(new AuditFilter(null, null, null, serial.substring(0, 12), null)), "serial prefix");
        assertEquals(ids(lockout), ids(filter(null, null, "LOCKOUT", "00:" + serial, null)), "serial as copied, zeros");
        assertEquals(List.of(), ids(filter(null, null, null, null, marker + "%")), "wildcards are plain text");
        assertEquals(List.of(), ids(filter(null, null, "PROOF_FAILED", null, marker)));
    }

    @Test
    void periodStartsAtFromAndEndsBeforeUntil() {
        String marker = marker();
        AuditRecord first = record(AuditEventType.HOLDER_SEARCH, marker, null);
        AuditRecord second = record(AuditEventType.HOLDER_SEARCH, marker, null);
        AuditRecord third = record(AuditEventType.HOLDER_SEARCH, marker, null);

        assertEquals(ids(second, first), ids(filter(first.getRecordedAt(), third.getRecordedAt(), null, null, marker)));
        assertEquals(ids(third, second), ids(filter(second.getRecordedAt(), null, null, null, marker)));
        assertEquals(ids(first), ids(filter(null, second.getRecordedAt(), null, null, marker)));
    }

    @Test
    void pagesNewestFirstInTheDatabase() {
        String marker = marker();
        AuditRecord a = record(AuditEventType.HOLDER_SEARCH, marker, null);
        AuditRecord b = record(AuditEventType.HOLDER_SEARCH, marker, null);
        AuditRecord c = record(AuditEventType.HOLDER_SEARCH, marker, null);
        AuditFilter mine = new AuditFilter(null, null, null, null, marker);

        assertEquals(3, query.count(mine));
        assertEquals(ids(c, b), query.page(mine, 0, 2).stream().map(AuditRow::id).toList());
        assertEquals(ids(a), query.page(mine, 2, 2).stream().map(AuditRow::id).toList());
        AuditRow row = query.page(mine, 2, 2).get(0);
        assertEquals(a.getRecordedAt(), row.recordedAt());
        assertEquals("127.0.0.1", row.clientAddress());
        assertEquals("test record", row.details());
    }

    /** Appended and committed by the audit log itself, as the application does. */
    private AuditRecord record(AuditEventType type, String actor, String serial) {
        return log.record(AuditEvent.of(type, actor, "127.0.0.1").about(serial).saying("test record"));
    }

    private List<AuditRow> filter(Instant from, Instant until, String event, String serial, String actor) {
        return query.page(new AuditFilter(from, until, event, serial, actor), 0, 50);
    }

    private static List<Long> ids(List<AuditRow> rows) {
        return rows.stream().map(AuditRow::id).toList();
    }

    private static List<Long> ids(AuditRecord... records) {
        return Arrays.stream(records).map(AuditRecord::getId).toList();
    }

    private static String marker() {
        return "it-" + UUID.randomUUID();
    }
}
