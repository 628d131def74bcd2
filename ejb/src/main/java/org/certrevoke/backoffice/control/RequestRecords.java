package org.certrevoke.backoffice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.certrevoke.backoffice.entity.RequestRefusedException;
import org.certrevoke.backoffice.entity.RequestScan;
import org.certrevoke.backoffice.entity.RequestState;
import org.certrevoke.backoffice.entity.RevocationRequest;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.revocation.boundary.Revocations;
import org.certrevoke.revocation.control.RevocationReceipt;

/**
 * Keeps the operators' requests and carries out what is decided on them. A revocation goes through
 * {@link Revocations} like every other (same audit record, mails and publication), with the operator as
 * the requester; each step fires a {@link RequestEvent} in the same transaction.
 */
@ApplicationScoped
public class RequestRecords {

    /** What the audit record keeps of a written closing reason. */
    private static final int LONGEST_DETAILS = 1900;

    @PersistenceContext
    EntityManager em;

    @Inject
    Revocations revocations;

    @Inject
    Event<RequestEvent> events;

    public RevocationRequest record(RevocationRequest request, byte[] scan, String clientAddress) {
        em.persist(request);
        if (scan != null) {
            em.persist(new RequestScan(request, scan));
        }
        em.flush();
        fire(RequestEvent.Kind.RECORDED, request, request.getRecordedBy(), clientAddress,
                "channel=" + request.getChannel() + " signatory=" + request.getSignatory()
                        + " received=" + request.getReceivedAt() + " due=" + request.getDueAt()
                        + (request.hasScan() ? " scanSize=" + request.getScanSize() + " scanSha256=" + request.getScanSha256() : ""));
        return request;
    }

    /** The request locked, so that two operators cannot both handle it. */
    public RevocationRequest forUpdate(long id) {
        RevocationRequest request = em.find(RevocationRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new RequestRefusedException(RequestRefusedException.Why.UNKNOWN_REQUEST);
        }
        return request;
    }

    public RevocationReceipt revoke(RevocationRequest request, Grounds grounds, String operator, String clientAddress) {
        if (request.getState() != RequestState.PENDING) {
            throw new RequestRefusedException(RequestRefusedException.Why.NOT_PENDING);
        }
        if (grounds == null || grounds.reason() == null) {
            throw new IllegalArgumentException("a revocation needs a reason");
        }
        RevocationReceipt receipt = revocations.revoke(request.getCertificate().getId(), grounds.reason(),
                grounds.published(), new Requester(Requester.Kind.OPERATOR, operator), clientAddress);
        request.revoked(receipt.revokedAt(), operator);
        fire(RequestEvent.Kind.REVOKED, request, operator, clientAddress,
                "channel=" + request.getChannel() + " on behalf of " + request.getSignatory()
                        + " reason=" + grounds.reason() + " crlReason=" + grounds.published().code());
        return receipt;
    }

    public void close(RevocationRequest request, String reason, String operator, Instant now,
                      String clientAddress) {
        request.close(reason, now, operator);
        fire(RequestEvent.Kind.CLOSED, request, operator, clientAddress,
                "channel=" + request.getChannel() + " reason=" + request.getClosingReason());
    }

    public List<RevocationRequest> pending() {
        return em.createNamedQuery(RevocationRequest.IN_STATE, RevocationRequest.class)
                .setParameter("state", RequestState.PENDING).getResultList();
    }

    public RequestScan scan(long requestId) {
        RequestScan scan = em.find(RequestScan.class, requestId);
        if (scan == null) {
            throw new RequestRefusedException(RequestRefusedException.Why.UNKNOWN_REQUEST);
        }
        return scan;
    }

    /** A phone check of the personal answers, before any request exists. */
    public void checked(boolean matched, Certificate certificate, String operator, String clientAddress) {
        events.fire(new RequestEvent(matched ? RequestEvent.Kind.ANSWERS_MATCHED : RequestEvent.Kind.ANSWERS_FAILED,
                null, certificate.getSerial(), operator, clientAddress, matched ? "phone: match" : "phone: no match"));
    }

    public void fire(RequestEvent.Kind kind, RevocationRequest request, String operator, String clientAddress,
                     String details) {
        String text = "request=" + request.getId() + " " + details;
        events.fire(new RequestEvent(kind, request.getId(), request.getCertificate().getSerial(), operator,
                clientAddress, text.length() > LONGEST_DETAILS ? text.substring(0, LONGEST_DETAILS) + "…" : text));
    }
}
