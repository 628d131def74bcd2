package org.certrevoke.backoffice.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.certrevoke.backoffice.control.Grounds;
import org.certrevoke.backoffice.control.RequestEvent;
import org.certrevoke.backoffice.control.RequestOutcome;
import org.certrevoke.backoffice.control.RequestRecords;
import org.certrevoke.backoffice.control.RequestSummary;
import org.certrevoke.backoffice.control.StaffRoles;
import org.certrevoke.backoffice.control.StoredScan;
import org.certrevoke.backoffice.entity.RequestScan;
import org.certrevoke.backoffice.entity.RevocationRequest;
import org.certrevoke.revocation.control.RevocationReceipt;

/**
 * The requests recorded and not yet handled, each with what is left of its 24 hours (ETSI EN 319 411-1
 * REV-6.2.4-03A), the overdue ones first; and what an operator does with one: revoke it on the
 * requester's behalf, or close it with a written reason when it cannot be confirmed.
 */
@Stateless
@RolesAllowed(StaffRoles.OPERATOR)
public class PendingRequests {

    @Resource
    SessionContext context;

    @Inject
    RequestRecords records;

    @Inject
    Clock clock;

    /** Earliest deadline first, so overdue requests lead. */
    public List<RequestSummary> pending() {
        Instant now = clock.instant();
        return records.pending().stream().map(request -> RequestSummary.of(request, now)).toList();
    }

    public RequestOutcome revoke(long requestId, Grounds grounds, String clientAddress) {
        RevocationRequest request = records.forUpdate(requestId);
        RevocationReceipt receipt = records.revoke(request, grounds, operator(), clientAddress);
        return new RequestOutcome(RequestSummary.of(request, clock.instant()), receipt);
    }

    public RequestSummary close(long requestId, String reason, String clientAddress) {
        RevocationRequest request = records.forUpdate(requestId);
        Instant now = clock.instant();
        records.close(request, reason, operator(), now, clientAddress);
        return RequestSummary.of(request, now);
    }

    /** The scanned form of a postal request; every download is audited. */
    public StoredScan scan(long requestId, String clientAddress) {
        RequestScan scan = records.scan(requestId);
        RevocationRequest request = scan.getRequest();
        records.fire(RequestEvent.Kind.SCAN_DOWNLOADED, request, operator(), clientAddress,
                "sha256=" + request.getScanSha256());
        return new StoredScan(request.getId(), request.getScanContentType(), request.getScanSha256(),
                scan.getContent());
    }

    private String operator() {
        return context.getCallerPrincipal().getName();
    }
}
