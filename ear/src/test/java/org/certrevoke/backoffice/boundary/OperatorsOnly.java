package org.certrevoke.backoffice.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.certrevoke.backoffice.control.StaffRoles;

/** A bean guarded like the back office's operator boundaries, for {@link StaffIdentityIT}. */
@Stateless
public class OperatorsOnly {

    @Resource
    SessionContext context;

    @RolesAllowed(StaffRoles.OPERATOR)
    public String caller() {
        return context.getCallerPrincipal().getName();
    }

    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public boolean isCallerAuditor() {
        return context.isCallerInRole(StaffRoles.AUDITOR) && !context.isCallerInRole(StaffRoles.OPERATOR);
    }
}
