package org.certrevoke.backoffice.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.certrevoke.backoffice.boundary.PhoneRequests;
import org.certrevoke.backoffice.boundary.PhoneRequests.Call;
import org.certrevoke.backoffice.control.CertificateRef;
import org.certrevoke.backoffice.control.Grounds;
import org.certrevoke.backoffice.control.RequestOutcome;
import org.certrevoke.backoffice.control.RequestSummary;
import org.certrevoke.backoffice.control.RequestedBy;
import org.certrevoke.backoffice.entity.RequestRefusedException;
import org.certrevoke.backoffice.entity.Signatory;
import org.certrevoke.revocation.control.WrongAnswersException;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Formats;
import org.certrevoke.web.ReasonChoice;
import org.certrevoke.web.Texts;

/**
 * Backs backoffice/operateur/telephone.xhtml: who is calling, the answers the caller gives, match or no
 * match, then the reason and a confirmation that revocation is final; or, when the answers cannot be
 * confirmed, the call recorded and closed with a written reason.
 */
@Named
@ViewScoped
public class Telephone implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { UNAVAILABLE, LOCKED, QUESTIONS, MATCHED, CONFIRM, DONE, CLOSED }

    @Inject
    PhoneRequests phone;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Formats formats;

    private final CertificateParameters target = new CertificateParameters();
    private Step step = Step.UNAVAILABLE;
    private Call call;
    private List<String> answers = List.of();
    private Signatory callerKind = Signatory.HOLDER;
    private String callerName;
    private boolean noMatch;
    private String closingReason;
    private final ReasonChoice reasonChoice = ReasonChoice.forOperator();
    private RequestOutcome outcome;
    private RequestSummary closed;

    public void load() {
        attempt(() -> {
            call = phone.open(ref());
            answers = new ArrayList<>(Collections.nCopies(call.questions().size(), ""));
            if (!call.certificate().detail().revocable()) {
                Texts.error("revocation.notRevocable." + call.certificate().detail().state());
            } else if (call.locked()) {
                locked(call.lockedUntil());
            } else {
                step = Step.QUESTIONS;
            }
        });
    }

    public void check() {
        if (step != Step.QUESTIONS) {
            return;
        }
        attempt(() -> {
            if (phone.check(ref(), answers, clientAddress.get())) {
                noMatch = false;
                step = Step.MATCHED;
                Texts.info("backoffice.phone.match");
            } else {
                noMatch = true;
                Texts.error("backoffice.phone.noMatch");
            }
        });
    }

    public void confirm() {
        if (step == Step.MATCHED) {
            step = Step.CONFIRM;
        }
    }

    public void back() {
        if (step == Step.CONFIRM) {
            step = Step.MATCHED;
        }
    }

    public void revoke() {
        if (step != Step.CONFIRM) {
            return;
        }
        attempt(() -> {
            outcome = phone.revoke(ref(), answers, caller(),
                    new Grounds(reasonChoice.getReason(), reasonChoice.someoneElseMayKnowPassword()), clientAddress.get());
            call = phone.open(ref());
            step = Step.DONE;
        });
    }

    public void closeUnresolved() {
        if (step != Step.LOCKED && !(step == Step.QUESTIONS && noMatch)) {
            return;
        }
        attempt(() -> {
            closed = phone.recordUnresolved(ref(), caller(), closingReason, clientAddress.get());
            step = Step.CLOSED;
        });
    }

    private void attempt(Runnable action) {
        try {
            action.run();
        } catch (WrongAnswersException e) {
            step = Step.QUESTIONS;
            noMatch = true;
            Texts.error("backoffice.phone.noMatch");
        } catch (LockedOutException e) {
            locked(e.until());
        } catch (RequestRefusedException e) {
            RequestMessages.refused(e);
            if (step == Step.CONFIRM) {
                step = Step.MATCHED;
            }
        } catch (RuntimeException e) {
            if (!RequestMessages.refused(e)) {
                throw e;
            }
            step = Step.UNAVAILABLE;
        }
    }

    private void locked(Instant until) {
        step = Step.LOCKED;
        Texts.error("backoffice.phone.locked", formats.dateTime(until));
    }

    private CertificateRef ref() {
        return target.ref();
    }

    private RequestedBy caller() {
        return new RequestedBy(callerKind, callerName);
    }

    public CertificateParameters getTarget() {
        return target;
    }

    public Step getStep() {
        return step;
    }

    public Call getCall() {
        return call;
    }

    public List<String> getAnswers() {
        return answers;
    }

    public Signatory getCallerKind() {
        return callerKind;
    }

    public void setCallerKind(Signatory callerKind) {
        this.callerKind = callerKind;
    }

    public String getCallerName() {
        return callerName;
    }

    public void setCallerName(String callerName) {
        this.callerName = callerName;
    }

    public boolean isNoMatch() {
        return noMatch;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public void setClosingReason(String closingReason) {
        this.closingReason = closingReason;
    }

    public ReasonChoice getReasonChoice() {
        return reasonChoice;
    }

    public RequestOutcome getOutcome() {
        return outcome;
    }

    public RequestSummary getClosed() {
        return closed;
    }
}
