package org.certrevoke.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.certrevoke.platform.validation.EmailAddress;

/**
 * An e-mail waiting to be delivered. It commits with the revocation it reports, so it exists if and
 * only if the revocation does, and is retried with growing delays until the mail server takes it.
 */
@Entity
@Table(name = "outbox_mail")
@NamedQuery(name = OutboxMail.DUE,
        query = "SELECT m.id FROM OutboxMail m WHERE m.status = org.certrevoke.notification.entity.OutboxMail.Status.PENDING"
                + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt")
@NamedQuery(name = OutboxMail.NEWEST_FIRST,
        query = "SELECT m FROM OutboxMail m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = OutboxMail.WAITING,
        query = "SELECT m FROM OutboxMail m WHERE m.status = org.certrevoke.notification.entity.OutboxMail.Status.PENDING"
                + " ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = OutboxMail.WAITING_COUNT,
        query = "SELECT COUNT(m) FROM OutboxMail m WHERE m.status = org.certrevoke.notification.entity.OutboxMail.Status.PENDING")
public class OutboxMail {

    public static final String DUE = "OutboxMail.due";
    public static final String NEWEST_FIRST = "OutboxMail.newestFirst";
    public static final String WAITING = "OutboxMail.waiting";
    public static final String WAITING_COUNT = "OutboxMail.waitingCount";

    public enum Status {
        PENDING,
        SENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    private Long id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = EmailAddress.MAX_LENGTH)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false, length = 20000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboxMail() {
    }

    public OutboxMail(String recipient, String subject, String body, Instant now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public void delivered(Instant now) {
        this.status = Status.SENT;
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
    }

    /** Backs off exponentially from {@code firstDelay}, never waiting longer than {@code longestDelay}. */
    public void failed(Instant now, String error, Duration firstDelay, Duration longestDelay) {
        this.attempts++;
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        this.nextAttemptAt = now.plus(delay.compareTo(longestDelay) > 0 ? longestDelay : delay);
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    /**
     * Makes a mail that is still waiting due now, whatever its back-off said; the attempts made so far
     * and the last error stay, as the record of what happened. A sent mail is never sent again.
     */
    public void retryNow(Instant now) {
        if (status == Status.SENT) {
            throw new IllegalStateException("mail " + id + " was already sent");
        }
        this.nextAttemptAt = now;
    }

    /** Waiting after at least one refused attempt. */
    public boolean isFailed() {
        return status == Status.PENDING && attempts > 0;
    }

    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
