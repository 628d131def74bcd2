package org.certrevoke.audit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.certrevoke.publication.boundary.CrlOverview;
import org.certrevoke.publication.control.CrlState;

/** Backs backoffice/audit/crl.xhtml: where the CRL of every CA stands. */
@Named("auditCrl")
@RequestScoped
public class Crl {

    @Inject
    CrlOverview overview;

    private List<CrlState> states;

    public List<CrlState> getStates() {
        if (states == null) {
            states = overview.all();
        }
        return states;
    }
}
