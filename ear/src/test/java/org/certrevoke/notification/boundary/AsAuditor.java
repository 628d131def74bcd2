package org.certrevoke.notification.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;
import org.certrevoke.backoffice.control.StaffRoles;

/** Runs test code with the auditor role. */
@Stateless
@PermitAll
@RunAs(StaffRoles.AUDITOR)
public class AsAuditor {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
