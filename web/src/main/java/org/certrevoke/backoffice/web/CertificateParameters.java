package org.certrevoke.backoffice.web;

import java.io.Serializable;
import org.certrevoke.backoffice.control.CertificateRef;
import org.certrevoke.backoffice.entity.Signatory;

/**
 * The certificate an operator page is about, as its URL names it ({@code ?ca=…&serial=…}, bound by
 * {@code f:viewParam}), and who may have asked: the holder or the legal representative.
 */
public class CertificateParameters implements Serializable {

    private static final long serialVersionUID = 1L;

    private String ca;
    private String serial;

    public CertificateRef ref() {
        return new CertificateRef(ca, serial);
    }

    public Signatory[] getRequesters() {
        return Signatory.values();
    }

    public String getCa() {
        return ca;
    }

    public void setCa(String ca) {
        this.ca = ca;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }
}
