package org.certrevoke.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.revocation.control.CertificateRevoked;

/** Records every revocation, whichever flow made it, in the revoking transaction. */
@ApplicationScoped
public class RevocationAudit {

    @Inject
    AuditLog log;

    void on(@Observes CertificateRevoked revoked) {
        log.record(new AuditEvent(AuditEventType.REVOCATION, revoked.requester().toString(), revoked.clientAddress(),
                revoked.serial(), "ca=" + revoked.authorityAlias() + " reason=" + revoked.reason()
                        + " crlReason=" + revoked.crlReason().code()));
    }
}
