package org.certrevoke.enterprise.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import org.certrevoke.enterprise.boundary.EnterpriseLogin;
import org.certrevoke.enterprise.control.Representative;
import org.certrevoke.web.ClientAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How far this visitor has come through the three login steps, and as whom. The session id is
 * renewed at every step, so an id seen before the login is worthless after it; the enterprise pages
 * ({@link EnterpriseGate}) open only at {@link Stage#AUTHENTICATED}.
 */
@Named
@SessionScoped
public class EnterpriseSession implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Stage { NONE, KEY_ACCEPTED, CODE_SENT, AUTHENTICATED }

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.session.idle", defaultValue = "PT15M")
    Duration idle;

    @Inject
    EnterpriseLogin login;

    @Inject
    ClientAddress clientAddress;

    private Stage stage = Stage.NONE;
    private Representative representative;

    void advance(Stage reached, Representative who) {
        stage = reached;
        representative = who;
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        request.changeSessionId();
        request.getSession().setMaxInactiveInterval((int) idle.toSeconds());
    }

    void restart() {
        stage = Stage.NONE;
        representative = null;
    }

    public void logout() throws IOException {
        if (representative != null) {
            login.logout(representative.id(), clientAddress.get());
        }
        restart();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/auth/login.jsf");
    }

    public boolean isAuthenticated() {
        return stage == Stage.AUTHENTICATED;
    }

    public Stage getStage() {
        return stage;
    }

    public Representative getRepresentative() {
        return representative;
    }
}
