package org.certrevoke.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One security event. Immutable once written; its hash covers its content and the previous hash. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    private long id;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false, length = 40)
    private String event;

    @Column(length = 200)
    private String actor;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "certificate_serial", length = 64)
    private String certificateSerial;

    @Column(length = 2000)
    private String details;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditRecord() {
    }

    public AuditRecord(long id, Instant recordedAt, String event, String actor, String clientAddress,
                       String certificateSerial, String details, String previousHash, String hash) {
        this.id = id;
        this.recordedAt = recordedAt;
        this.event = event;
        this.actor = actor;
        this.clientAddress = clientAddress;
        this.certificateSerial = certificateSerial;
        this.details = details;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    public long getId() {
        return id;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getEvent() {
        return event;
    }

    public String getActor() {
        return actor;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getCertificateSerial() {
        return certificateSerial;
    }

    public String getDetails() {
        return details;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }
}
