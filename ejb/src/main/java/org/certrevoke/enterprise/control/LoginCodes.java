package org.certrevoke.enterprise.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.certrevoke.enterprise.entity.LoginCode;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.SecretHasher;
import org.certrevoke.security.control.ThrottlePolicy;
import org.certrevoke.security.control.Throttles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and checks the e-mailed codes. Only the newest code of a representative counts, so issuing
 * one voids the previous. Each try is counted before the code is hashed, and the verdict is recorded on
 * the locked row, so a code is checked at most {@code tries} times and used at most once, even when it is
 * typed in many windows at the same moment.
 */
@ApplicationScoped
public class LoginCodes {

    public static final int DIGITS = 6;
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{" + DIGITS + "}");

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCodes codes;

    @Inject
    SecretHasher hasher;

    @Inject
    Throttles throttles;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.code.lifetime", defaultValue = "PT10M")
    Duration lifetime;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.code.tries", defaultValue = "5")
    int tries;

    /** A fresh code in clear, for the mail; only its hash is kept. */
    public String issue(LegalRepresentative representative, Instant now) {
        String code = codes.digits(DIGITS);
        Instant issuedAt = now.truncatedTo(ChronoUnit.MICROS);
        em.persist(new LoginCode(representative, hasher.hash(code), issuedAt, issuedAt.plus(lifetime)));
        em.flush();
        return code;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Accepts the code or throws {@link CodeRefusedException}; a wrong try is counted on the code. The try is
     * reserved before the code is hashed ({@link Throttles}), so that no more than {@code tries} are ever
     * checked, however many arrive at once; the row is locked only to record the verdict.
     */
    public void verify(LegalRepresentative representative, String typed, Instant now) {
        LoginCode code = newest(representative, LockModeType.NONE)
                .orElseThrow(() -> new CodeRefusedException(CodeRefusedException.Why.NONE, 0));
        try {
            throttles.reserve(new ThrottlePolicy("login-code-tries", tries, lifetime, lifetime,
                    LockedOutException.Why.PROOF_FAILURES), Long.toString(code.getId()));
        } catch (LockedOutException exhausted) {
            throw new CodeRefusedException(CodeRefusedException.Why.EXHAUSTED, 0);
        }
        String digits = SecretCodes.normaliseDigits(typed);
        boolean live = code.getUsedAt() == null && now.isBefore(code.getExpiresAt()) && code.getFailures() < tries;
        boolean matches = live && SIX_DIGITS.matcher(digits).matches() && hasher.matches(digits, code.getCodeHash());
        LoginCode locked = em.find(LoginCode.class, code.getId(), LockModeType.PESSIMISTIC_WRITE);
        LoginCode.Verdict verdict = locked.attempt(matches, now, tries);
        if (verdict != LoginCode.Verdict.ACCEPTED) {
            throw new CodeRefusedException(CodeRefusedException.Why.valueOf(verdict.name()), tries - locked.getFailures());
        }
    }

    private Optional<LoginCode> newest(LegalRepresentative representative, LockModeType lock) {
        Optional<Long> id = em.createNamedQuery(LoginCode.NEWEST_OF, LoginCode.class)
                .setParameter("representative", representative)
                .setMaxResults(1)
                .getResultStream().findFirst().map(LoginCode::getId);
        return id.map(found -> em.find(LoginCode.class, found, lock));
    }
}
