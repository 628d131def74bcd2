package org.certrevoke.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.publication.control.CrlEntriesSkipped;
import org.certrevoke.publication.control.SkippedRow;

/**
 * Records each revoked certificate a CRL had to leave out, in the issuing transaction: a revocation that
 * relying parties cannot see is a security event, whoever made the row unreadable.
 */
@ApplicationScoped
public class PublicationAudit {

    private static final int SERIAL_COLUMN = 64;

    @Inject
    AuditLog log;

    void on(@Observes CrlEntriesSkipped skipped) {
        for (SkippedRow row : skipped.rows()) {
            String serial = row.serial() == null || row.serial().length() > SERIAL_COLUMN ? null : row.serial();
            log.record(new AuditEvent(AuditEventType.CRL_ENTRY_SKIPPED, "system", null, serial,
                    "ca=" + skipped.authorityAlias() + " crl=" + skipped.crlNumber() + " certificate=" + row.certificateId()
                            + " problem=" + row.problem()));
        }
    }
}
