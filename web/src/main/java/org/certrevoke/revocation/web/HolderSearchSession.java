package org.certrevoke.revocation.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import org.certrevoke.revocation.control.HolderQuery;

/**
 * The last search of this visitor, so that the revocation page can ask the server again for the
 * certificate instead of trusting a serial from the URL. Forgotten with the session (15 minutes).
 */
@SessionScoped
public class HolderSearchSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private HolderQuery query;

    public HolderQuery query() {
        return query;
    }

    public void remember(HolderQuery query) {
        this.query = query;
    }

    public void forget() {
        query = null;
    }
}
