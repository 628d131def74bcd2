package org.certrevoke.backoffice.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.certrevoke.backoffice.entity.RequestChannel;
import org.certrevoke.backoffice.entity.RequestState;
import org.certrevoke.backoffice.entity.RevocationRequest;
import org.certrevoke.backoffice.entity.Signatory;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;

/** One request as the operator pages show it, with the time left of its deadline at the moment it was read. */
public record RequestSummary(long id, RequestChannel channel, RequestState state, String authority, String serial,
                             String holderName, String organisation, CertificateState certificateState,
                             Instant receivedAt, Instant dueAt, Duration timeLeft, Signatory signatory,
                             String signatoryName, String recordedBy, Instant recordedAt, String handledBy,
                             Instant revokedAt, Instant closedAt, String closingReason, String scanFileName,
                             Long scanSize) implements Serializable {

    public static RequestSummary of(RevocationRequest request, Instant now) {
        Certificate certificate = request.getCertificate();
        return new RequestSummary(request.getId(), request.getChannel(), request.getState(),
                certificate.getAuthority().getAlias(), certificate.getSerial(),
                certificate.getHolder().getName().full(), certificate.getHolder().getOrganisation().getName(),
                certificate.stateAt(now), request.getReceivedAt(), request.getDueAt(), request.timeLeft(now),
                request.getSignatory(), request.getSignatoryName(), request.getRecordedBy(), request.getRecordedAt(),
                request.getHandledBy(), request.getRevokedAt(), request.getClosedAt(), request.getClosingReason(),
                request.getScanFileName(), request.getScanSize());
    }

    public boolean overdue() {
        return state == RequestState.PENDING && timeLeft.isNegative();
    }

    public boolean hasScan() {
        return scanSize != null;
    }

    public CertificateRef certificate() {
        return new CertificateRef(authority, serial);
    }
}
