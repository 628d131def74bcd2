package org.certrevoke.revocation.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.revocation.boundary.HolderRevocations;
import org.certrevoke.revocation.control.CertificateSummary;
import org.certrevoke.revocation.control.HolderQuery;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Formats;
import org.certrevoke.web.Texts;

/** Backs recherche.xhtml: the holder's search form and its result table. */
@Named
@ViewScoped
public class Recherche implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HolderRevocations revocations;

    @Inject
    HolderSearchSession session;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Formats formats;

    private CertificateType type;
    private String email;
    private String idDocument;
    private List<CertificateSummary> results;

    public void search() {
        HolderQuery query = new HolderQuery(type, email.strip(), idDocument.strip());
        try {
            results = revocations.search(query, clientAddress.get());
            session.remember(query);
        } catch (LockedOutException e) {
            results = null;
            Texts.error("search.rateLimited", formats.dateTime(e.until()));
        }
    }

    public CertificateType[] getTypes() {
        return CertificateType.values();
    }

    public CertificateType getType() {
        return type;
    }

    public void setType(CertificateType type) {
        this.type = type;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getIdDocument() {
        return idDocument;
    }

    public void setIdDocument(String idDocument) {
        this.idDocument = idDocument;
    }

    public List<CertificateSummary> getResults() {
        return results;
    }
}
