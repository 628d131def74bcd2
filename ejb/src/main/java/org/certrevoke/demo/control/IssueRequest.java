package org.certrevoke.demo.control;

import java.time.Instant;
import java.util.Objects;

import org.certrevoke.registry.entity.CertificateType;

/**
 * What demo mode needs to mint a holder's certificate; gathered in one value so that
 * {@link DemoPki#issue(IssueRequest)} does not grow a long parameter list.
 *
 * @param publicationBaseUrl where the running application serves its CRL, OCSP responder and
 *                           CA certificate (e.g. {@code http://localhost:8080}); {@code null}
 *                           leaves the certificate without CRL and AIA pointers
 */
public record IssueRequest(String commonName, String organisation, String email, CertificateType type,
        Instant notBefore, Instant notAfter, String publicationBaseUrl) {

    public IssueRequest {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }
}
