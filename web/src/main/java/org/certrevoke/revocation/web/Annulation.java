package org.certrevoke.revocation.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.boundary.CodeCancellations;
import org.certrevoke.revocation.control.CertificateSummary;
import org.certrevoke.revocation.control.CodeQuery;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.certrevoke.revocation.control.WrongCodeException;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Formats;
import org.certrevoke.web.ReasonChoice;
import org.certrevoke.web.Support;
import org.certrevoke.web.Texts;

/**
 * Backs annulation.xhtml ("Annuler un certificat"): e-mail, name and cancellation code, then the
 * certificate and the reason, a confirmation that revocation is final, the result. The code is sent
 * to the boundary again at the last step; nothing found earlier is trusted.
 */
@Named
@ViewScoped
public class Annulation implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { IDENTIFY, REASON, CONFIRM, DONE }

    @Inject
    Support support;

    @Inject
    CodeCancellations cancellations;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Formats formats;

    private String email;
    private String name;
    private String code;
    private Step step = Step.IDENTIFY;
    private CodeQuery query;
    private CertificateSummary certificate;
    private final ReasonChoice reasonChoice = new ReasonChoice();
    private RevocationReceipt receipt;

    public void find() {
        CodeQuery typed = new CodeQuery(email, name, code);
        attempt(() -> certificate = cancellations.find(typed, clientAddress.get()), Step.REASON);
        query = step == Step.REASON ? typed : null;
    }

    public void next() {
        step = Step.CONFIRM;
    }

    public void confirm() {
        attempt(() -> receipt = cancellations.revoke(query, reasonChoice.getReason(), reasonChoice.someoneElseMayKnowPassword(),
                clientAddress.get()), Step.DONE);
    }

    public void back() {
        step = Step.REASON;
    }

    private void attempt(Runnable action, Step next) {
        try {
            action.run();
            step = next;
        } catch (WrongCodeException | UnknownCertificateException | RevocationRefusedException e) {
            restart();
            Texts.error("annulation.noMatch");
        } catch (LockedOutException e) {
            restart();
            support.locked("annulation.rateLimited", formats.dateTime(e.until()));
        }
    }

    private void restart() {
        step = Step.IDENTIFY;
        query = null;
        certificate = null;
        code = null;
    }



    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Step getStep() {
        return step;
    }

    public CertificateSummary getCertificate() {
        return certificate;
    }





    public RevocationReceipt getReceipt() {
        return receipt;
    }

    public ReasonChoice getReasonChoice() {
        return reasonChoice;
    }
}
