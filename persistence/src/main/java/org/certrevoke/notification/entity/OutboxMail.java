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
 * A sender claims it ({@link Status#SENDING}, a lease, the claim's token) in a transaction of its own
 * before it speaks to the mail server, and reports the outcome in another: no row stays locked while a
 * mail server takes its time, and the mail of a sender that crashed is due again when the lease ends.
 */
@Entity
@Table(name = "outbox_mail")
@NamedQuery(name = OutboxMail.DUE,
        query = "SELECT m.id FROM OutboxMail m WHERE (m.status = org.certrevoke.notification.entity.OutboxMail.Status.PENDING"
                + " AND m.nextAttemptAt <= :now) OR (m.status = org.certrevoke.notification.entity.OutboxMail.Status.SENDING"
                + " AND m.leaseUntil <= :now) ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(name = OutboxMail.CLAIM,
        query = "UPDATE OutboxMail m SET m.status = org.certrevoke.notification.entity.OutboxMail.Status.SENDING,"
                + " m.leaseUntil = :until, m.claimedBy = :token, m.version = m.version + 1 WHERE m.id IN :ids"
                + " AND ((m.status = org.certrevoke.notification.entity.OutboxMail.Status.PENDING AND m.nextAttemptAt <= :now)"
                + " OR (m.status = org.certrevoke.notification.entity.OutboxMail.Status.SENDING AND m.leaseUntil <= :now))")
@NamedQuery(name = OutboxMail.CLAIMED,
        query = "SELECT m FROM OutboxMail m WHERE m.claimedBy = :token"
                + " AND m.status = org.certrevoke.notification.entity.OutboxMail.Status.SENDING ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(name = OutboxMail.ALL_DUE_NOW,
        query = "UPDATE OutboxMail m SET m.nextAttemptAt = :now, m.version = m.version + 1"
                + " WHERE m.status = org.certrevoke.notification.entity.OutboxMail.Status.PENDING AND m.nextAttemptAt > :now")
@NamedQuery(name = OutboxMail.NEWEST_FIRST,
        query = "SELECT m FROM OutboxMail m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = OutboxMail.WAITING,
        query = "SELECT m FROM OutboxMail m WHERE m.status <> org.certrevoke.notification.entity.OutboxMail.Status.SENT"
                + " ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = OutboxMail.WAITING_COUNT,
        query = "SELECT COUNT(m) FROM OutboxMail m WHERE m.status <> org.certrevoke.notification.entity.OutboxMail.Status.SENT")
public class OutboxMail {

    public static final String DUE = "OutboxMail.due";
    public static final String CLAIM = "OutboxMail.claim";
    public static final String CLAIMED = "OutboxMail.claimed";
    public static final String ALL_DUE_NOW = "OutboxMail.allDueNow";
    public static final String NEWEST_FIRST = "OutboxMail.newestFirst";
    public static final String WAITING = "OutboxMail.waiting";
    public static final String WAITING_COUNT = "OutboxMail.waitingCount";

    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** Claimed by a sender until {@code leaseUntil}; due again if that sender never reports back. */
        SENDING,
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

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "claimed_by", length = 36)
    private String claimedBy;

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

    /** Whether a sender may claim it now: due and waiting, or claimed by a sender whose lease has ended. */
    public boolean claimable(Instant now) {
        return status == Status.PENDING && !nextAttemptAt.isAfter(now)
                || status == Status.SENDING && !leaseUntil.isAfter(now);
    }

    /** The same change as the {@link #CLAIM} query makes, for one mail already read. */
    public void claim(Instant now, Duration lease, String token) {
        if (!claimable(now)) {
            throw new IllegalStateException("mail " + id + " is not due or is being sent");
        }
        this.status = Status.SENDING;
        this.leaseUntil = now.plus(lease);
        this.claimedBy = token;
    }

    /** Whether the claim with this token still holds it: the outcome of a sender whose lease was taken over is ignored. */
    public boolean claimedWith(String token) {
        return status == Status.SENDING && token.equals(claimedBy);
    }

    public void delivered(Instant now) {
        this.status = Status.SENT;
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
        endClaim();
    }

    /** Backs off exponentially from {@code firstDelay}, never waiting longer than {@code longestDelay}. */
    public void failed(Instant now, String error, Duration firstDelay, Duration longestDelay) {
        this.status = Status.PENDING;
        this.attempts++;
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        this.nextAttemptAt = now.plus(delay.compareTo(longestDelay) > 0 ? longestDelay : delay);
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        endClaim();
    }

    /** Back to waiting, due at once, without counting an attempt: the sender stopped before trying it. */
    public void released() {
        this.status = Status.PENDING;
        endClaim();
    }

    /**
     * Makes a mail that is still waiting due now, whatever its back-off said; the attempts made so far
     * and the last error stay, as the record of what happened. A sent mail is never sent again, and a mail
     * being sent is left to its sender.
     */
    public void retryNow(Instant now) {
        if (status == Status.SENT) {
            throw new IllegalStateException("mail " + id + " was already sent");
        }
        if (status == Status.PENDING) {
            this.nextAttemptAt = now;
        }
    }

    private void endClaim() {
        this.leaseUntil = null;
        this.claimedBy = null;
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

    public Instant getLeaseUntil() {
        return leaseUntil;
    }
}
