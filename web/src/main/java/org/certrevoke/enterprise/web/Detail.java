package org.certrevoke.enterprise.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.certrevoke.enterprise.boundary.EnterpriseCertificates;
import org.certrevoke.enterprise.control.CertificateDetail;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.ReasonChoice;
import org.certrevoke.web.Texts;

/**
 * Backs entreprise/certificat.xhtml: the certificate named in the URL, asked of the server for this
 * representative's organisation (another organisation's is "not found"), then reason, confirmation
 * that revocation is final, and the result.
 */
@Named("enterpriseDetail")
@ViewScoped
public class Detail implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { UNAVAILABLE, SHOW, REASON, CONFIRM, DONE }

    @Inject
    EnterpriseCertificates certificates;

    @Inject
    EnterpriseSession session;

    @Inject
    ClientAddress clientAddress;

    private String serial;
    private Step step = Step.UNAVAILABLE;
    private CertificateDetail detail;
    private final ReasonChoice reasonChoice = new ReasonChoice();
    private RevocationReceipt receipt;

    public void load() {
        try {
            detail = certificates.detail(session.getRepresentative().id(), serial, clientAddress.get());
            step = Step.SHOW;
        } catch (UnknownCertificateException e) {
            Texts.error("enterprise.detail.unknown");
        }
    }

    public void askReason() {
        if (step == Step.SHOW && detail.revocable()) {
            step = Step.REASON;
        }
    }

    public void confirm() {
        if (step == Step.REASON) {
            step = Step.CONFIRM;
        }
    }

    public void cancel() {
        step = Step.SHOW;
        reasonChoice.clear();
    }

    public void revoke() {
        if (step != Step.CONFIRM) {
            return;
        }
        try {
            receipt = certificates.revoke(session.getRepresentative().id(), serial, reasonChoice.getReason(),
                    reasonChoice.someoneElseMayKnowPassword(), clientAddress.get());
            step = Step.DONE;
        } catch (UnknownCertificateException e) {
            step = Step.UNAVAILABLE;
            Texts.error("enterprise.detail.unknown");
        } catch (RevocationRefusedException e) {
            step = Step.UNAVAILABLE;
            Texts.error(e.getState() == CertificateState.REVOKED ? "revocation.notRevocable.REVOKED"
                    : "revocation.notRevocable.EXPIRED");
        }
    }


    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public Step getStep() {
        return step;
    }

    public CertificateDetail getDetail() {
        return detail;
    }



    public RevocationReceipt getReceipt() {
        return receipt;
    }

    public ReasonChoice getReasonChoice() {
        return reasonChoice;
    }
}
