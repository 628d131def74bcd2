package org.certrevoke.backoffice.control;

import java.io.Serializable;
import java.time.Instant;
import org.certrevoke.enterprise.control.CertificateDetail;
import org.certrevoke.registry.entity.Certificate;

/**
 * What an operator sees of the certificate a request is about: enough to confirm with the caller or
 * the letter that it is the right one, and never any of the holder's secrets.
 */
public record RequestedCertificate(String authority, String organisation, CertificateDetail detail)
        implements Serializable {

    public static RequestedCertificate of(Certificate certificate, Instant now) {
        return new RequestedCertificate(certificate.getAuthority().getAlias(),
                certificate.getHolder().getOrganisation().getName(), CertificateDetail.of(certificate, now));
    }

    public CertificateRef ref() {
        return new CertificateRef(authority, detail.serial());
    }
}
