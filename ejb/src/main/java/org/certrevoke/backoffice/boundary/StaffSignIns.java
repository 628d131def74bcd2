package org.certrevoke.backoffice.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;

/**
 * Puts the staff's sign-ins and sign-outs into the audit log. The password check itself is WildFly
 * Elytron's (its realm, its brute-force protection); this only records what happened.
 */
@PermitAll
@Stateless
public class StaffSignIns {

    @Inject
    AuditLog audit;

    public void succeeded(String login, String clientAddress) {
        audit.record(AuditEvent.of(AuditEventType.STAFF_LOGIN_SUCCEEDED, login, clientAddress));
    }

    public void failed(String typedLogin, String clientAddress) {
        audit.record(AuditEvent.of(AuditEventType.STAFF_LOGIN_FAILED, typedLogin, clientAddress));
    }

    public void loggedOut(String login, String clientAddress) {
        audit.record(AuditEvent.of(AuditEventType.STAFF_LOGOUT, login, clientAddress));
    }
}
