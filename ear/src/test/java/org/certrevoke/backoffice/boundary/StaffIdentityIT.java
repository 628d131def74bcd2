package org.certrevoke.backoffice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Staff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EJB container checks roles against the staff realm: the identity's name and its realm role
 * reach the bean, and a role the identity does not have is refused, as is an anonymous caller.
 */
@ExtendWith(ArquillianExtension.class)
class StaffIdentityIT {

    @Inject
    OperatorsOnly operatorsOnly;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(StaffIdentityIT.class, OperatorsOnly.class, Staff.class, Staff.Work.class);
    }

    @Test
    void operatorIdentityReachesOperatorMethodsWithItsName() throws Exception {
        assertEquals(Staff.OPERATOR_LOGIN, Staff.asOperator(() -> operatorsOnly.caller()));
    }

    @Test
    void auditorAndAnonymousAreRefused() {
        assertThrows(EJBAccessException.class, () -> Staff.asAuditor(() -> operatorsOnly.caller()));
        assertThrows(EJBAccessException.class, () -> operatorsOnly.caller());
    }

    @Test
    void auditorIdentityHasTheAuditorRoleOnly() throws Exception {
        assertTrue(Staff.asAuditor(() -> operatorsOnly.isCallerAuditor()));
    }
}
