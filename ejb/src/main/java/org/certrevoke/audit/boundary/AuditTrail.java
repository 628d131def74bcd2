package org.certrevoke.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.certrevoke.audit.control.AuditFilter;
import org.certrevoke.audit.control.AuditQuery;
import org.certrevoke.audit.control.AuditRow;
import org.certrevoke.backoffice.control.StaffRoles;

/** The audit log as the auditor reads it: filtered, newest first, a page at a time. Read-only. */
@Stateless
@RolesAllowed(StaffRoles.AUDITOR)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditTrail {

    @Inject
    AuditQuery query;

    public long count(AuditFilter filter) {
        return query.count(filter);
    }

    public List<AuditRow> page(AuditFilter filter, int first, int size) {
        return query.page(filter, first, size);
    }
}
