package org.certrevoke.revocation.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.boundary.HolderRevocations;
import org.certrevoke.revocation.boundary.HolderRevocations.Challenge;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.certrevoke.revocation.control.WrongAnswersException;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Formats;
import org.certrevoke.web.ReasonChoice;
import org.certrevoke.web.Support;
import org.certrevoke.web.Texts;

/**
 * Backs revocation.xhtml: answers and reason, then a confirmation that revocation is final, then
 * the result. The serial comes from the URL and is checked against the holder's own search.
 */
@Named
@ViewScoped
public class Revocation implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,64}");

    public enum Step { UNAVAILABLE, QUESTIONS, CONFIRM, DONE }

    @Inject
    Support support;

    @Inject
    HolderRevocations revocations;

    @Inject
    HolderSearchSession session;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Formats formats;

    private String serial;
    private Step step = Step.UNAVAILABLE;
    private Challenge challenge;
    private final List<String> answers = new ArrayList<>(List.of("", "", ""));
    private final ReasonChoice reasonChoice = new ReasonChoice();
    private RevocationReceipt receipt;

    public void load() {
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            Texts.error("revocation.unknown");
            return;
        }
        if (session.query() == null) {
            Texts.error("revocation.searchFirst");
            return;
        }
        try {
            challenge = revocations.challenge(session.query(), serial, clientAddress.get());
            if (challenge.certificate().revocable()) {
                step = Step.QUESTIONS;
            } else {
                Texts.error("revocation.notRevocable." + challenge.certificate().state());
            }
        } catch (UnknownCertificateException e) {
            Texts.error("revocation.unknown");
        } catch (LockedOutException e) {
            support.locked("revocation.locked", formats.dateTime(e.until()));
        }
    }

    public void prove() {
        attempt(() -> revocations.prove(session.query(), serial, answers, clientAddress.get()), Step.CONFIRM);
    }

    public void confirm() {
        attempt(() -> receipt = revocations.revoke(session.query(), serial, answers,
                reasonChoice.getReason(), reasonChoice.someoneElseMayKnowPassword(), clientAddress.get()), Step.DONE);
    }

    /** Runs one step against the boundary; whatever it refuses is said, and the page shows what is left to do. */
    private void attempt(Runnable action, Step next) {
        try {
            action.run();
            step = next;
        } catch (WrongAnswersException e) {
            step = Step.QUESTIONS;
            Texts.error("revocation.wrongAnswers");
        } catch (LockedOutException e) {
            step = Step.UNAVAILABLE;
            support.locked("revocation.locked", formats.dateTime(e.until()));
        } catch (UnknownCertificateException | RevocationRefusedException e) {
            refused(e);
        }
    }

    public void back() {
        step = Step.QUESTIONS;
    }

    private void refused(RuntimeException e) {
        step = Step.UNAVAILABLE;
        if (e instanceof RevocationRefusedException refused && refused.getState() == CertificateState.REVOKED) {
            Texts.error("revocation.notRevocable.REVOKED");
        } else if (e instanceof RevocationRefusedException) {
            Texts.error("revocation.notRevocable.EXPIRED");
        } else {
            Texts.error("revocation.unknown");
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

    public Challenge getChallenge() {
        return challenge;
    }

    public List<String> getAnswers() {
        return answers;
    }





    public RevocationReceipt getReceipt() {
        return receipt;
    }

    public ReasonChoice getReasonChoice() {
        return reasonChoice;
    }
}
