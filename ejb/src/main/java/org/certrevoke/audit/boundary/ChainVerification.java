package org.certrevoke.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.audit.control.ChainReport;
import org.certrevoke.audit.control.ChainVerifier;
import org.certrevoke.backoffice.control.StaffRoles;

/**
 * The auditor's check of the whole hash chain. The check itself goes into the log, with who ran it and
 * what it found, so that a broken chain reported once cannot be quietly forgotten. Reading a long log
 * takes a while: it runs outside a transaction (no transaction timeout, no long-held snapshot), and only
 * the audit record is written in one.
 */
@Stateless
@RolesAllowed(StaffRoles.AUDITOR)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChainVerification {

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditLog log;

    @Resource
    SessionContext context;

    public ChainReport verify(String clientAddress) {
        ChainReport report = verifier.verify();
        log.record(AuditEvent.of(AuditEventType.AUDIT_CHAIN_VERIFIED, context.getCallerPrincipal().getName(), clientAddress)
                .saying(report.summary()));
        return report;
    }
}
