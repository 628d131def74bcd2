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
import org.certrevoke.security.control.SecretHasher;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and checks the e-mailed codes. Only the newest code of a representative counts, so issuing
 * one voids the previous; the row is locked while a code is checked, so a code is used at most once
 * even when it is typed in two windows at the same moment.
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
    @ConfigProperty(name = "certrevoke.enterprise.code.lifetime", defaultValue = "PT10M")
    Duration lifetime;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.code.tries", defaultValue = "5")
    int tries;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.code.resend-after", defaultValue = "PT1M")
    Duration resendAfter;

    /** A fresh code in clear, for the mail; only its hash is kept. */
    public String issue(LegalRepresentative representative, Instant now) {
        String code = codes.digits(DIGITS);
        Instant issuedAt = now.truncatedTo(ChronoUnit.MICROS);
        em.persist(new LoginCode(representative, hasher.hash(code), issuedAt, issuedAt.plus(lifetime)));
        em.flush();
        return code;
    }

    /** A new code is sent at most once per {@code resend-after}; refused with the moment it will be allowed. */
    public void ensureResendAllowed(LegalRepresentative representative, Instant now) {
        newest(representative, LockModeType.NONE).ifPresent(code -> {
            Instant allowedAt = code.getIssuedAt().plus(resendAfter);
            if (now.isBefore(allowedAt)) {
                throw new ResendTooSoonException(allowedAt);
            }
        });
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Accepts the code or throws {@link CodeRefusedException}; a wrong try is counted on the code. */
    public void verify(LegalRepresentative representative, String typed, Instant now) {
        LoginCode code = newest(representative, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new CodeRefusedException(CodeRefusedException.Why.NONE, 0));
        String digits = SecretCodes.normaliseDigits(typed);
        boolean live = code.getUsedAt() == null && now.isBefore(code.getExpiresAt()) && code.getFailures() < tries;
        boolean matches = live && SIX_DIGITS.matcher(digits).matches() && hasher.matches(digits, code.getCodeHash());
        LoginCode.Verdict verdict = code.attempt(matches, now, tries);
        if (verdict != LoginCode.Verdict.ACCEPTED) {
            throw new CodeRefusedException(CodeRefusedException.Why.valueOf(verdict.name()), tries - code.getFailures());
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
