package org.certrevoke.backoffice.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import org.certrevoke.backoffice.boundary.StaffSignIns;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Texts;

/**
 * The staff login form. The password is checked by the Elytron realm behind the application's
 * security domain ({@link HttpServletRequest#login}), which also locks an account after repeated
 * failures; the page gives one message for a wrong login, a wrong password and a locked account.
 * After the login the staff member goes back to the back-office page they asked for.
 */
@Named("staffLogin")
@ViewScoped
public class Login implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String HOME = "/backoffice/index.jsf";

    @Inject
    StaffSignIns signIns;

    @Inject
    ClientAddress clientAddress;

    private String username;
    private String password;
    private String target = HOME;

    public void rememberTarget() {
        HttpServletRequest request = request();
        Object asked = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (asked instanceof String uri && !FacesContext.getCurrentInstance().isPostback()) {
            String path = uri.substring(request.getContextPath().length());
            target = BackOfficePaths.isSafeTarget(path) ? path : HOME;
        }
    }

    public void login() throws IOException {
        HttpServletRequest request = request();
        String address = clientAddress.get();
        try {
            if (request.getUserPrincipal() != null) {
                request.logout();
            }
            request.login(username, password);
        } catch (ServletException refused) {
            password = null;
            signIns.failed(username, address);
            Texts.error("backoffice.login.refused");
            return;
        }
        password = null;
        request.changeSessionId();
        signIns.succeeded(request.getUserPrincipal().getName(), address);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + target);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
