package org.certrevoke.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.backoffice.control.RequestEvent;

/** Records what operators do with phone and postal requests, in the transaction that did it. */
@ApplicationScoped
public class RequestAudit {

    @Inject
    AuditLog log;

    void on(@Observes RequestEvent event) {
        log.record(new AuditEvent(type(event.kind()), event.operator(), event.clientAddress(), event.serial(),
                event.details()));
    }

    static AuditEventType type(RequestEvent.Kind kind) {
        return switch (kind) {
            case RECORDED -> AuditEventType.REQUEST_RECORDED;
            case ANSWERS_MATCHED -> AuditEventType.REQUEST_ANSWERS_MATCHED;
            case ANSWERS_FAILED -> AuditEventType.REQUEST_ANSWERS_FAILED;
            case REVOKED -> AuditEventType.REQUEST_REVOKED;
            case CLOSED -> AuditEventType.REQUEST_CLOSED;
            case SCAN_DOWNLOADED -> AuditEventType.REQUEST_SCAN_DOWNLOADED;
        };
    }
}
