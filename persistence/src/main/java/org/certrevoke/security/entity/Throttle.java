package org.certrevoke.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Attempts counted for one subject (a client address, a holder, an identifier) in a fixed window.
 * An attempt is taken before it is evaluated, on the locked row, so that a burst of parallel attempts
 * cannot all pass: the attempt that reaches the limit locks the subject at once, for a while that
 * outlives the window, and every attempt after it is refused until the lock ends. A successful attempt
 * is given back, and lifts the lock when it was the one that set it.
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

    /** Whether an attempt now would be refused: the subject is locked, or its window is full. */
    public boolean refusesAt(Instant now, Duration window, int limit) {
        startOver(now, window);
        return isLockedAt(now) || attempts >= limit;
    }

    /** When a refused attempt may be tried again. */
    public Instant refusedUntil(Duration window) {
        return lockedUntil != null ? lockedUntil : windowStart.plus(window);
    }

    /**
     * Takes one attempt, which the caller has checked is not {@linkplain #refusesAt refused}. Returns the end
     * of the lock when this attempt reaches the limit and so locks the subject for {@code lockFor}.
     */
    public Optional<Instant> take(Instant now, Duration window, int limit, Duration lockFor) {
        startOver(now, window);
        attempts++;
        if (attempts >= limit) {
            lockedUntil = now.plus(lockFor);
            return Optional.of(lockedUntil);
        }
        return Optional.empty();
    }

    /**
     * Gives back an attempt that succeeded; {@code lockItSet} is the lock that attempt set, if any, which is
     * lifted (a lock set by another attempt stays).
     */
    public void giveBack(Instant lockItSet) {
        if (attempts > 0) {
            attempts--;
        }
        if (lockItSet != null && lockItSet.equals(lockedUntil)) {
            lockedUntil = null;
        }
    }

    /** A lock that has ended, or a window that has passed, forgets the attempts counted in it. */
    private void startOver(Instant now, Duration window) {
        boolean lockEnded = lockedUntil != null && !now.isBefore(lockedUntil);
        boolean windowPassed = lockedUntil == null && !now.isBefore(windowStart.plus(window));
        if (lockEnded || windowPassed) {
            lockedUntil = null;
            windowStart = now;
            attempts = 0;
        }
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
