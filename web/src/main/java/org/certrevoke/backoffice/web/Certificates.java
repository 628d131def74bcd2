package org.certrevoke.backoffice.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.certrevoke.backoffice.boundary.CertificateLookup;
import org.certrevoke.backoffice.control.SearchResult;
import org.certrevoke.backoffice.control.StaffSearch;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Texts;

/** /backoffice/certificats.jsf: the operator finds a certificate in any organisation. */
@Named("staffCertificates")
@ViewScoped
public class Certificates implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CertificateLookup lookup;

    @Inject
    ClientAddress clientAddress;

    private String serial;
    private String email;
    private String name;
    private String organisation;
    private SearchResult result;

    public void search() {
        StaffSearch search = new StaffSearch(serial, email, name, organisation);
        if (search.isEmpty()) {
            result = null;
            Texts.error("backoffice.search.empty");
            return;
        }
        result = lookup.find(search, clientAddress.get());
        if (result.truncated()) {
            Texts.info("backoffice.search.truncated", CertificateLookup.SHOWN);
        }
    }

    public SearchResult getResult() {
        return result;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
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

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }
}
