package org.certrevoke.enterprise.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.certrevoke.enterprise.boundary.EnterpriseLogin;
import org.certrevoke.enterprise.control.CodeRefusedException;
import org.certrevoke.enterprise.control.EmailMismatchException;
import org.certrevoke.enterprise.control.LoginRefusedException;
import org.certrevoke.enterprise.control.ResendTooSoonException;
import org.certrevoke.enterprise.web.EnterpriseSession.Stage;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Formats;
import org.certrevoke.web.Support;
import org.certrevoke.web.Texts;

/** Backs auth/login.xhtml: the three login steps, one form each, as far as the session has come. */
@Named("enterpriseLogin")
@ViewScoped
public class Login implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Support support;

    @Inject
    EnterpriseLogin login;

    @Inject
    EnterpriseSession session;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Formats formats;

    private String identifier;
    private String accessKey;
    private String email;
    private String code;

    public void load() throws IOException {
        if (session.isAuthenticated()) {
            toSearch();
        }
    }

    public void checkKey() {
        try {
            session.advance(Stage.KEY_ACCEPTED, login.checkKey(identifier, accessKey, clientAddress.get()));
        } catch (LoginRefusedException e) {
            Texts.error("enterprise.login.refused");
        } catch (LockedOutException e) {
            support.locked("enterprise.login.locked", formats.dateTime(e.until()));
        } finally {
            accessKey = null;
        }
    }

    public void confirmEmail() {
        if (!reached(Stage.KEY_ACCEPTED, Stage.CODE_SENT)) {
            return;
        }
        try {
            login.confirmEmail(session.getRepresentative().id(), email, clientAddress.get());
            session.advance(Stage.CODE_SENT, session.getRepresentative());
            Texts.info("enterprise.code.sent");
        } catch (ResendTooSoonException e) {
            session.advance(Stage.CODE_SENT, session.getRepresentative());
            Texts.error("enterprise.code.tooSoon", formats.dateTime(e.allowedAt()));
        } catch (EmailMismatchException e) {
            Texts.error("enterprise.email.mismatch");
        } catch (LockedOutException e) {
            support.locked("enterprise.login.locked", formats.dateTime(e.until()));
        }
    }

    public void resend() {
        if (!reached(Stage.CODE_SENT)) {
            return;
        }
        try {
            login.resendCode(session.getRepresentative().id(), clientAddress.get());
            Texts.info("enterprise.code.resent");
        } catch (ResendTooSoonException e) {
            Texts.error("enterprise.code.tooSoon", formats.dateTime(e.allowedAt()));
        }
    }

    public void verifyCode() throws IOException {
        if (!reached(Stage.CODE_SENT)) {
            return;
        }
        try {
            session.advance(Stage.AUTHENTICATED, login.verifyCode(session.getRepresentative().id(), code, clientAddress.get()));
            toSearch();
        } catch (CodeRefusedException e) {
            Texts.error("enterprise.code." + e.why(), e.triesLeft());
        } catch (LockedOutException e) {
            support.locked("enterprise.login.locked", formats.dateTime(e.until()));
        } finally {
            code = null;
        }
    }

    public void restart() {
        session.restart();
    }

    /** A post for a step this session has not reached (an old tab, a forged form) starts the login again. */
    private boolean reached(Stage... allowed) {
        for (Stage stage : allowed) {
            if (session.getStage() == stage) {
                return true;
            }
        }
        session.restart();
        Texts.error("enterprise.login.startAgain");
        return false;
    }

    private static void toSearch() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/entreprise/recherche.jsf");
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
