package org.certrevoke.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.certrevoke.platform.control.DatabaseOutage;

/**
 * A page that fails because the database is out of reach shows "service momentarily unavailable" in the
 * visitor's language, with 503 and Retry-After, instead of the technical error page and a 500: nothing the
 * visitor did went wrong, and trying again later will work. Handled here, inside the Faces servlet, so that
 * the failure is logged once, in one line, and not again with its stack by every layer it would cross.
 * Other failures go on to OmniFaces' handler and the error pages of web.xml.
 */
public class UnavailablePages extends ExceptionHandlerWrapper {

    static final String VIEW = "/erreur/indisponible.xhtml";

    /** Registered in faces-config.xml after OmniFaces' factory, whose handler it wraps. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new UnavailablePages(getWrapped().getExceptionHandler());
        }
    }

    public UnavailablePages(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        boolean partial = context.getPartialViewContext().isAjaxRequest();
        boolean rendering = context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
        if (!(partial && rendering) && !context.getExternalContext().isResponseCommitted()) {
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                Throwable failure = events.next().getContext().getException();
                if (DatabaseOutage.causedBy(failure)) {
                    events.remove();
                    show(context, failure, partial, rendering);
                    while (events.hasNext()) {
                        events.next();
                        events.remove();
                    }
                    return;
                }
            }
        }
        getWrapped().handle();
    }

    private static void show(FacesContext context, Throwable failure, boolean partial, boolean rendering) {
        Unavailable unavailable = CDI.current().select(Unavailable.class).get();
        ExternalContext external = context.getExternalContext();
        unavailable.noted(failure, external.getRequestServletPath());
        if (!partial) {
            ((ServletResponse) external.getResponse()).resetBuffer();
            external.setResponseStatus(503);
            external.setResponseHeader("Retry-After", unavailable.retryAfterSeconds());
        }
        ViewHandler views = context.getApplication().getViewHandler();
        context.setViewRoot(views.createView(context, VIEW));
        if (partial) {
            context.getPartialViewContext().setRenderAll(true);
        }
        if (!rendering) {
            context.renderResponse();
            return;
        }
        try {
            ViewDeclarationLanguage pages = views.getViewDeclarationLanguage(context, VIEW);
            pages.buildView(context, context.getViewRoot());
            pages.renderView(context, context.getViewRoot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
