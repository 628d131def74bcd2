package org.certrevoke.enterprise.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.certrevoke.enterprise.boundary.EnterpriseCertificates;
import org.certrevoke.enterprise.control.CertificateFilter;
import org.certrevoke.enterprise.control.CertificateRow;
import org.certrevoke.enterprise.control.SortField;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Formats;
import org.certrevoke.web.Texts;

/** Backs entreprise/recherche.xhtml: the organisation-wide search form and its lazy result table. */
@Named("enterpriseSearch")
@ViewScoped
public class Search implements CertificateRows.Source {

    private static final long serialVersionUID = 1L;

    @Inject
    EnterpriseCertificates certificates;

    @Inject
    EnterpriseSession session;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Formats formats;

    private String email;
    private String name;
    private CertificateState state;
    private CertificateFilter filter;
    private CertificateRows rows;

    public void search() {
        CertificateFilter wanted = new CertificateFilter(blankToNull(email), blankToNull(name), state);
        try {
            long total = certificates.count(session.getRepresentative().id(), wanted, clientAddress.get());
            filter = wanted;
            rows = new CertificateRows(this, total);
        } catch (LockedOutException e) {
            rows = null;
            Texts.error("enterprise.search.rateLimited", formats.dateTime(e.until()));
        }
    }

    @Override
    public List<CertificateRow> page(int first, int pageSize, SortField sort, boolean ascending) {
        return certificates.page(session.getRepresentative().id(), filter, first, pageSize, sort, ascending);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public CertificateState[] getStates() {
        return new CertificateState[] {CertificateState.VALID, CertificateState.REVOKED};
    }

    public CertificateRows getRows() {
        return rows;
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

    public CertificateState getState() {
        return state;
    }

    public void setState(CertificateState state) {
        this.state = state;
    }
}
