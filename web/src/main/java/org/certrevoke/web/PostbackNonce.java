package org.certrevoke.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspException;
import org.primefaces.util.Constants;

/**
 * A post is the page's own only if it carries the script nonce PrimeFaces gave that view. PrimeFaces
 * compares them only while rendering the answer, after the actions have run; this compares them as the
 * view is restored, before any value is applied and any listener or action runs. A post without the
 * nonce or with another one is refused like an expired form ({@link RefusedForms}).
 */
public class PostbackNonce extends ViewHandlerWrapper {

    public PostbackNonce(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        UIViewRoot root = super.restoreView(context, viewId);
        if (root != null && !root.isTransient()) {
            Map<String, Object> viewMap = root.getViewMap(false);
            Object expected = viewMap == null ? null : viewMap.get(Constants.RequestParams.NONCE_PARAM);
            String sent = context.getExternalContext().getRequestParameterMap().get(Constants.RequestParams.NONCE_PARAM);
            if (!(expected instanceof String nonce) || sent == null
                    || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
                throw new CspException("post without this view's script nonce");
            }
        }
        return root;
    }

    /**
     * A view reached by a post without a redirect is rendered with the posting page's nonce, which
     * PrimeFaces keeps in no view map then: it is kept here, so that this view's own posts are checked too.
     */
    @Override
    public void renderView(FacesContext context, UIViewRoot view) throws IOException {
        if (context.isPostback() && !view.isTransient()
                && PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()
                && !view.getViewMap().containsKey(Constants.RequestParams.NONCE_PARAM)) {
            view.getViewMap().put(Constants.RequestParams.NONCE_PARAM, PrimeFacesContext.getCspState(context).getNonce());
        }
        super.renderView(context, view);
    }
}
