package org.certrevoke.publication.control;

import java.time.Instant;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * A certificate's status as an OCSP answer states it: good, revoked (time and reason) or unknown, with the
 * invalidity date of a revocation that has one (RFC 5280 §5.3.2, published as a single extension), and
 * the certificate's end of validity, after which an answer carries archiveCutoff (RFC 6960 §4.4.4).
 */
public record OcspStatus(CertificateStatus status, Instant invalidityDate, Instant notAfter) {

    static final OcspStatus UNKNOWN = new OcspStatus(new UnknownStatus(), null, null);

    public static OcspStatus of(CertificateStatus status) {
        return new OcspStatus(status, null, null);
    }

    boolean expiredAt(Instant now) {
        return notAfter != null && now.isAfter(notAfter);
    }
}
