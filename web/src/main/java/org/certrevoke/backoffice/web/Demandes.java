package org.certrevoke.backoffice.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.certrevoke.backoffice.boundary.PendingRequests;
import org.certrevoke.backoffice.control.Grounds;
import org.certrevoke.backoffice.control.RequestSummary;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.ReasonChoice;
import org.certrevoke.web.Texts;

/**
 * Backs backoffice/operateur/demandes.xhtml: the pending requests, overdue ones first, and for the one an
 * operator picks either a revocation (reason, then a confirmation that it is final) or a closing with a
 * written reason. The list is read again after every action, so it always shows what the database holds.
 */
@Named
@ViewScoped
public class Demandes implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Action { NONE, REVOKE, CONFIRM, CLOSE }

    @Inject
    PendingRequests pending;

    @Inject
    ClientAddress clientAddress;

    private List<RequestSummary> requests = List.of();
    private RequestSummary selected;
    private Action action = Action.NONE;
    private ReasonChoice reasonChoice = ReasonChoice.forOperator();
    private String closingReason;

    public void load() {
        requests = pending.pending();
    }

    public void startRevoke(RequestSummary request) {
        start(request, Action.REVOKE);
    }

    public void startClose(RequestSummary request) {
        start(request, Action.CLOSE);
    }

    private void start(RequestSummary request, Action next) {
        selected = request;
        action = next;
        reasonChoice = ReasonChoice.forOperator();
        closingReason = null;
    }

    public void confirm() {
        if (action == Action.REVOKE) {
            action = Action.CONFIRM;
        }
    }

    public void back() {
        if (action == Action.CONFIRM) {
            action = Action.REVOKE;
        }
    }

    public void cancel() {
        selected = null;
        action = Action.NONE;
    }

    public void revoke() {
        if (action != Action.CONFIRM) {
            return;
        }
        handle(() -> {
            pending.revoke(selected.id(),
                    new Grounds(reasonChoice.getReason(), reasonChoice.someoneElseMayKnowPassword()), clientAddress.get());
            Texts.info("backoffice.pending.revoked", selected.id(), selected.serial());
        });
    }

    public void close() {
        if (action != Action.CLOSE) {
            return;
        }
        handle(() -> {
            pending.close(selected.id(), closingReason, clientAddress.get());
            Texts.info("backoffice.pending.closed", selected.id());
        });
    }

    private void handle(Runnable decision) {
        try {
            decision.run();
            cancel();
        } catch (RuntimeException e) {
            if (!RequestMessages.refused(e)) {
                throw e;
            }
            back();
        }
        load();
    }

    public List<RequestSummary> getRequests() {
        return requests;
    }

    public RequestSummary getSelected() {
        return selected;
    }

    public Action getAction() {
        return action;
    }

    public ReasonChoice getReasonChoice() {
        return reasonChoice;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public void setClosingReason(String closingReason) {
        this.closingReason = closingReason;
    }
}
