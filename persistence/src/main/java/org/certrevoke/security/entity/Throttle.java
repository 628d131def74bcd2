package org.certrevoke.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Attempts counted for one subject (a client address, a holder, an identifier) in a fixed window.
 * Reaching the limit locks the subject for a while; the lock outlives the window.
 */
@Entity
@Table(name = "throttle")
public class Throttle {

    @Id
    @Column(length = 200)
    private String subject;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected Throttle() {
    }

    public Throttle(String subject, Instant now) {
        this.subject = subject;
        this.windowStart = now;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one attempt. Returns true when this attempt reaches the limit, i.e. the subject has just
     * become locked for {@code lockFor}.
     */
    public boolean count(Instant now, Duration window, int limit, Duration lockFor) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            attempts = 0;
        }
        attempts++;
        if (attempts >= limit) {
            lockedUntil = now.plus(lockFor);
            windowStart = now;
            attempts = 0;
            return true;
        }
        return false;
    }

    public void reset() {
        attempts = 0;
    }

    public String getSubject() {
        return subject;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }
}
