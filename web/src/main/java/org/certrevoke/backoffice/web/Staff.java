package org.certrevoke.backoffice.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.certrevoke.backoffice.boundary.StaffSignIns;
import org.certrevoke.backoffice.control.StaffRoles;
import org.certrevoke.web.ClientAddress;

/** Who is signed in to the back office, for the staff bar and the menu; and the sign-out. */
@Named
@RequestScoped
public class Staff {

    @Inject
    HttpServletRequest request;

    @Inject
    StaffSignIns signIns;

    @Inject
    ClientAddress clientAddress;

    public String getName() {
        return request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
    }

    public boolean isOperator() {
        return request.isUserInRole(StaffRoles.OPERATOR);
    }

    public boolean isAuditor() {
        return request.isUserInRole(StaffRoles.AUDITOR);
    }

    public void logout() throws IOException, ServletException {
        String name = getName();
        if (name != null) {
            signIns.loggedOut(name, clientAddress.get());
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/backoffice/login.jsf");
    }
}
