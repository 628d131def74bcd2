package org.certrevoke.enterprise.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.certrevoke.registry.entity.LegalRepresentative;

/**
 * A six-digit code e-mailed to a legal representative as the third login step. Owns its lifetime
 * rules, so that "expired", "already used" and "too many tries" are decided in one place; the code
 * itself is only stored as a hash. A newer code of the same representative makes this one void.
 */
@Entity
@Table(name = "login_code")
@NamedQuery(name = LoginCode.NEWEST_OF,
        query = "SELECT c FROM LoginCode c WHERE c.representative = :representative ORDER BY c.issuedAt DESC, c.id DESC")
public class LoginCode {

    public static final String NEWEST_OF = "LoginCode.newestOf";

    /** What a typed code meets. */
    public enum Verdict { ACCEPTED, WRONG, EXHAUSTED, EXPIRED, USED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "representative_id")
    private LegalRepresentative representative;

    @Column(name = "code_hash", nullable = false, length = 200)
    private String codeHash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int failures;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    private long version;

    protected LoginCode() {
    }

    public LoginCode(LegalRepresentative representative, String codeHash, Instant issuedAt, Instant expiresAt) {
        this.representative = representative;
        this.codeHash = codeHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * Decides on one typed code; {@code matches} is whether it hashes to this code. A wrong code
     * counts, and the try that reaches {@code maxFailures} voids the code.
     */
    public Verdict attempt(boolean matches, Instant now, int maxFailures) {
        if (usedAt != null) {
            return Verdict.USED;
        }
        if (!now.isBefore(expiresAt)) {
            return Verdict.EXPIRED;
        }
        if (failures >= maxFailures) {
            return Verdict.EXHAUSTED;
        }
        if (matches) {
            usedAt = now;
            return Verdict.ACCEPTED;
        }
        failures++;
        return failures >= maxFailures ? Verdict.EXHAUSTED : Verdict.WRONG;
    }

    public Long getId() {
        return id;
    }

    public LegalRepresentative getRepresentative() {
        return representative;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
