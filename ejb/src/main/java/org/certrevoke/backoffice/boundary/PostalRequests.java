package org.certrevoke.backoffice.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.certrevoke.backoffice.control.CertificateRef;
import org.certrevoke.backoffice.control.OperatorCertificates;
import org.certrevoke.backoffice.control.PdfScans;
import org.certrevoke.backoffice.control.RequestPolicy;
import org.certrevoke.backoffice.control.RequestRecords;
import org.certrevoke.backoffice.control.RequestSummary;
import org.certrevoke.backoffice.control.RequestedBy;
import org.certrevoke.backoffice.control.RequestedCertificate;
import org.certrevoke.backoffice.control.StaffRoles;
import org.certrevoke.backoffice.control.UploadedScan;
import org.certrevoke.backoffice.entity.RevocationRequest;
import org.certrevoke.backoffice.entity.RevocationRequest.ScanFacts;
import org.certrevoke.registry.entity.Certificate;

/**
 * A signed revocation form received by registered post or by hand (seed 000 §3): the operator records
 * when it arrived, who signed it and its scan. The request then waits, with its 24 hours running from
 * the letter's arrival, until an operator revokes it or closes it ({@link PendingRequests}).
 */
@Stateless
@RolesAllowed(StaffRoles.OPERATOR)
public class PostalRequests {

    @Resource
    SessionContext context;

    @Inject
    OperatorCertificates certificates;

    @Inject
    PdfScans scans;

    @Inject
    RequestRecords records;

    @Inject
    RequestPolicy policy;

    @Inject
    Clock clock;

    public RequestedCertificate certificate(CertificateRef ref) {
        return RequestedCertificate.of(certificates.find(ref), clock.instant());
    }

    /** The delay, the oldest receipt date and the largest scan accepted, for the page to say. */
    public RequestPolicy.Limits limits() {
        return policy.limits();
    }

    /**
     * Records a received form, pending. A refused scan ({@code ScanRefusedException}) or date
     * ({@code RequestRefusedException}) leaves nothing stored.
     */
    public RequestSummary record(CertificateRef ref, Instant receivedAt, RequestedBy signedBy, UploadedScan scan,
                                 String clientAddress) {
        Instant now = clock.instant();
        Certificate certificate = certificates.revocable(ref, now);
        policy.checkReceipt(receivedAt, now);
        ScanFacts facts = scans.accept(scan);
        RevocationRequest request = RevocationRequest.byPost(certificate, receivedAt,
                signedBy == null ? null : signedBy.signatory(), signedBy == null ? null : signedBy.name(), facts,
                context.getCallerPrincipal().getName(), now, policy.limits().deadline());
        records.record(request, scan.content(), clientAddress);
        return RequestSummary.of(request, now);
    }
}
