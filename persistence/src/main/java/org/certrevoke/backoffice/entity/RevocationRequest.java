package org.certrevoke.backoffice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.certrevoke.backoffice.entity.RequestRefusedException.Why;
import org.certrevoke.registry.entity.Certificate;

/**
 * A phone call or a signed form asking for a certificate's revocation, as an operator recorded it. Its
 * deadline is fixed when it is received, so that a later change of the configured delay never moves the
 * clock of a request already running. A request is handled once: revoked, or closed with a written reason.
 */
@Entity
@Table(name = "revocation_request")
@NamedQuery(name = RevocationRequest.IN_STATE,
        query = "SELECT r FROM RevocationRequest r WHERE r.state = :state ORDER BY r.dueAt, r.id")
@NamedQuery(name = RevocationRequest.OF_CERTIFICATE,
        query = "SELECT r FROM RevocationRequest r WHERE r.certificate.id = :certificate ORDER BY r.id")
public class RevocationRequest {

    public static final String IN_STATE = "RevocationRequest.inState";
    public static final String OF_CERTIFICATE = "RevocationRequest.ofCertificate";
    public static final int LONGEST_NAME = 200;
    public static final int LONGEST_CLOSING_REASON = 2000;

    /** What is kept of a scanned form besides its bytes. */
    public record ScanFacts(String fileName, String contentType, long size, String sha256) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RequestChannel channel;

    @ManyToOne(optional = false)
    @JoinColumn(name = "certificate_id")
    private Certificate certificate;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Signatory signatory;

    @Column(name = "signatory_name", nullable = false, length = LONGEST_NAME)
    private String signatoryName;

    @Column(name = "recorded_by", nullable = false, length = 200)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RequestState state;

    @Column(name = "handled_by", length = 200)
    private String handledBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closing_reason", length = LONGEST_CLOSING_REASON)
    private String closingReason;

    @Column(name = "scan_file_name", length = 200)
    private String scanFileName;

    @Column(name = "scan_content_type", length = 100)
    private String scanContentType;

    @Column(name = "scan_size")
    private Long scanSize;

    @Column(name = "scan_sha256", length = 64)
    private String scanSha256;

    @Version
    private long version;

    protected RevocationRequest() {
    }

    private RevocationRequest(RequestChannel channel, Certificate certificate, Instant receivedAt, Signatory signatory,
                              String signatoryName, String operator, Instant now, Duration deadline) {
        if (signatory == null || signatoryName == null || signatoryName.isBlank()) {
            throw new RequestRefusedException(Why.SIGNATORY_REQUIRED);
        }
        if (signatoryName.strip().length() > LONGEST_NAME) {
            throw new RequestRefusedException(Why.SIGNATORY_TOO_LONG);
        }
        if (receivedAt == null) {
            throw new RequestRefusedException(Why.RECEIVED_REQUIRED);
        }
        if (receivedAt.isAfter(now)) {
            throw new RequestRefusedException(Why.RECEIVED_IN_FUTURE);
        }
        this.channel = channel;
        this.certificate = certificate;
        this.receivedAt = receivedAt;
        this.dueAt = receivedAt.plus(deadline);
        this.signatory = signatory;
        this.signatoryName = signatoryName.strip();
        this.recordedBy = operator;
        this.recordedAt = now;
        this.state = RequestState.PENDING;
    }

    /** A call taken now: its clock starts when the operator records it. */
    public static RevocationRequest byPhone(Certificate certificate, Signatory caller, String callerName,
                                            String operator, Instant now, Duration deadline) {
        return new RevocationRequest(RequestChannel.PHONE, certificate, now, caller, callerName, operator, now,
                deadline);
    }

    /** A signed form: its clock started when the letter arrived, which may be before the operator records it. */
    public static RevocationRequest byPost(Certificate certificate, Instant receivedAt, Signatory signedBy,
                                           String signatoryName, ScanFacts scan, String operator, Instant now,
                                           Duration deadline) {
        RevocationRequest request = new RevocationRequest(RequestChannel.POSTAL, certificate, receivedAt, signedBy,
                signatoryName, operator, now, deadline);
        request.scanFileName = scan.fileName();
        request.scanContentType = scan.contentType();
        request.scanSize = scan.size();
        request.scanSha256 = scan.sha256();
        return request;
    }

    public void revoked(Instant at, String operator) {
        requirePending();
        this.state = RequestState.REVOKED;
        this.revokedAt = at;
        this.handledBy = operator;
    }

    /** A request that cannot be confirmed ends with a written reason, never silently. */
    public void close(String reason, Instant at, String operator) {
        requirePending();
        if (reason == null || reason.isBlank()) {
            throw new RequestRefusedException(Why.CLOSING_REASON_REQUIRED);
        }
        if (reason.strip().length() > LONGEST_CLOSING_REASON) {
            throw new RequestRefusedException(Why.CLOSING_REASON_TOO_LONG);
        }
        this.state = RequestState.CLOSED;
        this.closedAt = at;
        this.closingReason = reason.strip();
        this.handledBy = operator;
    }

    private void requirePending() {
        if (state != RequestState.PENDING) {
            throw new RequestRefusedException(Why.NOT_PENDING);
        }
    }

    /** Negative once the deadline has passed. */
    public Duration timeLeft(Instant now) {
        return Duration.between(now, dueAt);
    }

    public boolean isOverdueAt(Instant now) {
        return state == RequestState.PENDING && now.isAfter(dueAt);
    }

    public boolean hasScan() {
        return scanSha256 != null;
    }

    public Long getId() {
        return id;
    }

    public RequestChannel getChannel() {
        return channel;
    }

    public Certificate getCertificate() {
        return certificate;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Signatory getSignatory() {
        return signatory;
    }

    public String getSignatoryName() {
        return signatoryName;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public RequestState getState() {
        return state;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public String getScanFileName() {
        return scanFileName;
    }

    public String getScanContentType() {
        return scanContentType;
    }

    public Long getScanSize() {
        return scanSize;
    }

    public String getScanSha256() {
        return scanSha256;
    }
}
