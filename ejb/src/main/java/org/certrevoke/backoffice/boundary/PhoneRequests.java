package org.certrevoke.backoffice.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.certrevoke.backoffice.control.CertificateRef;
import org.certrevoke.backoffice.control.Grounds;
import org.certrevoke.backoffice.control.OperatorCertificates;
import org.certrevoke.backoffice.control.RequestOutcome;
import org.certrevoke.backoffice.control.RequestPolicy;
import org.certrevoke.backoffice.control.RequestRecords;
import org.certrevoke.backoffice.control.RequestSummary;
import org.certrevoke.backoffice.control.RequestedBy;
import org.certrevoke.backoffice.control.RequestedCertificate;
import org.certrevoke.backoffice.control.StaffRoles;
import org.certrevoke.backoffice.entity.RevocationRequest;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.PersonalQuestion;
import org.certrevoke.revocation.control.HolderProofs;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.revocation.control.WrongAnswersException;
import org.certrevoke.security.control.LockedOutException;

/**
 * A revocation asked for by phone (seed 001): the operator reads the holder's personal questions to the
 * caller and types the answers given. The answers are checked by {@link HolderProofs} exactly as on the
 * holder's page (same count per holder, same lock, same alert mail); the system only says whether they
 * match. The caller has no client address of ours, so failures count per operator instead of per
 * address: one desk cannot try answers for holder after holder, and the public pages, which may share
 * the operators' address behind a proxy, keep their own budget.
 */
@Stateless
@RolesAllowed(StaffRoles.OPERATOR)
public class PhoneRequests {

    private static final int LONGEST_KEY = 64;

    @Resource
    SessionContext context;

    @Inject
    OperatorCertificates certificates;

    @Inject
    HolderProofs proofs;

    @Inject
    RequestRecords records;

    @Inject
    RequestPolicy policy;

    @Inject
    Clock clock;

    /** The certificate and the questions to read to the caller; never the answers. */
    public record Call(RequestedCertificate certificate, List<String> questions, Instant lockedUntil)
            implements Serializable {

        public boolean locked() {
            return lockedUntil != null;
        }
    }

    public Call open(CertificateRef ref) {
        Certificate certificate = certificates.find(ref);
        Instant lockedUntil = null;
        try {
            proofs.ensureNotLocked(certificate.getHolder(), failureKey());
        } catch (LockedOutException e) {
            lockedUntil = e.until();
        }
        return new Call(RequestedCertificate.of(certificate, clock.instant()),
                certificate.getHolder().getQuestions().stream().map(PersonalQuestion::getQuestion).toList(),
                lockedUntil);
    }

    /**
     * Whether the answers match, as one secret. A wrong set counts like on the holder's page; the one that
     * locks the holder out throws {@link LockedOutException} (the holder has been told by mail), as does any
     * check while the holder is locked.
     */
    public boolean check(CertificateRef ref, List<String> answers, String clientAddress) {
        Certificate certificate = certificates.revocable(ref, clock.instant());
        proofs.ensureNotLocked(certificate.getHolder(), failureKey());
        try {
            proofs.prove(certificate, answers, failureKey());
            records.checked(true, certificate, operator(), clientAddress);
            return true;
        } catch (WrongAnswersException e) {
            records.checked(false, certificate, operator(), clientAddress);
            return false;
        } catch (LockedOutException e) {
            records.checked(false, certificate, operator(), clientAddress);
            throw e;
        }
    }

    /**
     * Revokes on the caller's behalf once the answers match (they are checked again here), and keeps the
     * call as a request handled at once. Operators may give every reason, non-payment included.
     */
    public RequestOutcome revoke(CertificateRef ref, List<String> answers, RequestedBy caller, Grounds grounds,
                                 String clientAddress) {
        Instant now = clock.instant();
        Certificate certificate = certificates.revocable(ref, now);
        RevocationRequest request = call(certificate, caller, now);
        proofs.prove(certificate, answers, failureKey());
        records.record(request, null, clientAddress);
        RevocationReceipt receipt = records.revoke(request, grounds, operator(), clientAddress);
        return new RequestOutcome(RequestSummary.of(request, clock.instant()), receipt);
    }

    /** A call whose answers could not be confirmed, kept as a request and closed with the operator's reason. */
    public RequestSummary recordUnresolved(CertificateRef ref, RequestedBy caller, String closingReason,
                                           String clientAddress) {
        Instant now = clock.instant();
        Certificate certificate = certificates.find(ref);
        RevocationRequest request = call(certificate, caller, now);
        records.record(request, null, clientAddress);
        records.close(request, closingReason, operator(), now, clientAddress);
        return RequestSummary.of(request, now);
    }

    private RevocationRequest call(Certificate certificate, RequestedBy caller, Instant now) {
        return RevocationRequest.byPhone(certificate, caller == null ? null : caller.signatory(),
                caller == null ? null : caller.name(), operator(), now, policy.limits().deadline());
    }

    private String operator() {
        return context.getCallerPrincipal().getName();
    }

    /**
     * What the failures count against besides the holder: the operator taking the call. Cut to the audit
     * log's address column; logins that long only share a budget.
     */
    private String failureKey() {
        String key = "operator:" + operator();
        return key.length() <= LONGEST_KEY ? key : key.substring(0, LONGEST_KEY);
    }
}
