package org.certrevoke.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * A form that can no longer be posted: its view expired with the session, its view state was made up,
 * or its script nonce is missing or not the view's ({@link PostbackNonce}). Nothing of the post has run.
 * The visitor is answered 400 with the page that says so ({@code web.xml} maps 400 to
 * {@code erreur/session.jsf}); an Ajax post, whose error status the browser would not show, is sent to
 * that page instead. The log gets one line without stack trace, since anyone can send these at no cost.
 * No page is rendered here with the post's nonce, which may be missing or anyone's.
 */
public class RefusedForms extends ExceptionHandlerWrapper {

    private static final String SESSION_PAGE = "/erreur/session.jsf";
    private static final int MAX_PATH = 80;
    private static final Logger LOG = Logger.getLogger(RefusedForms.class.getName());

    /** Puts this handler in front of the configured ones. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new RefusedForms(getWrapped().getExceptionHandler());
        }
    }

    public RefusedForms(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        boolean refused = false;
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable refusal = refusal(events.next().getContext().getException());
            if (refusal != null) {
                events.remove();
                if (!refused) {
                    LOG.warning(() -> "Refused form post to " + printable(context.getExternalContext().getRequestServletPath())
                            + ": " + (refusal instanceof ViewExpiredException ? "view expired or unknown" : "script nonce missing or wrong"));
                    refuse(context);
                    refused = true;
                }
            }
        }
        getWrapped().handle();
    }

    private static void refuse(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        if (external.isResponseCommitted()) {
            context.responseComplete();
            return;
        }
        try {
            if (context.getPartialViewContext().isAjaxRequest()) {
                external.redirect(external.getRequestContextPath() + SESSION_PAGE);
            } else {
                external.responseSendError(HttpServletResponse.SC_BAD_REQUEST, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /** The path as far as it helps the reader: the visitor chose it, so no line breaks and no novel. */
    private static String printable(String path) {
        String shown = path == null ? "" : path.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > MAX_PATH ? shown.substring(0, MAX_PATH) + "…" : shown;
    }

    private static Throwable refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException || cause instanceof CspException) {
                return cause;
            }
        }
        return null;
    }
}
