package org.certrevoke.security.control;

import static org.certrevoke.security.control.LockedOutException.Why.PROOF_FAILURES;
import static org.certrevoke.security.control.LockedOutException.Why.RATE_LIMIT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configured limits, one place for all of them (every key is listed in the README). */
@ApplicationScoped
public class ThrottlePolicies {

    @Inject
    @ConfigProperty(name = "certrevoke.search.rate.limit", defaultValue = "20")
    int searchLimit;

    @Inject
    @ConfigProperty(name = "certrevoke.search.rate.window", defaultValue = "PT1M")
    Duration searchWindow;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.search.rate.limit", defaultValue = "60")
    int enterpriseSearchLimit;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.search.rate.window", defaultValue = "PT1M")
    Duration enterpriseSearchWindow;

    @Inject
    @ConfigProperty(name = "certrevoke.holder.lockout.failures", defaultValue = "3")
    int holderFailures;

    @Inject
    @ConfigProperty(name = "certrevoke.holder.lockout.window", defaultValue = "PT24H")
    Duration holderWindow;

    @Inject
    @ConfigProperty(name = "certrevoke.holder.lockout.duration", defaultValue = "PT1H")
    Duration holderLockout;

    @Inject
    @ConfigProperty(name = "certrevoke.address.lockout.failures", defaultValue = "10")
    int addressFailures;

    @Inject
    @ConfigProperty(name = "certrevoke.address.lockout.duration", defaultValue = "PT1H")
    Duration addressLockout;

    @Inject
    @ConfigProperty(name = "certrevoke.code.holder.lockout.failures", defaultValue = "5")
    int codeHolderFailures;

    @Inject
    @ConfigProperty(name = "certrevoke.code.holder.lockout.duration", defaultValue = "PT1H")
    Duration codeHolderLockout;

    @Inject
    @ConfigProperty(name = "certrevoke.code.address.lockout.failures", defaultValue = "10")
    int codeAddressFailures;

    @Inject
    @ConfigProperty(name = "certrevoke.code.address.lockout.duration", defaultValue = "PT1H")
    Duration codeAddressLockout;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.lockout.failures", defaultValue = "5")
    int loginFailures;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.lockout.window", defaultValue = "PT15M")
    Duration loginWindow;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.lockout.duration", defaultValue = "PT15M")
    Duration loginLockout;

    @Inject
    @ConfigProperty(name = "certrevoke.enterprise.code.resend-after", defaultValue = "PT1M")
    Duration codeResendAfter;

    /** Searches from one client address. */
    public ThrottlePolicy searchesPerAddress() {
        return new ThrottlePolicy("search", searchLimit, searchWindow, searchWindow, RATE_LIMIT);
    }

    /** Legal representatives' searches from one client address (a new search, not another page of it). */
    public ThrottlePolicy enterpriseSearchesPerAddress() {
        return new ThrottlePolicy("enterprise-search", enterpriseSearchLimit, enterpriseSearchWindow,
                enterpriseSearchWindow, RATE_LIMIT);
    }

    /**
     * Wrong answer sets for one holder lock the holder flow (and tell the holder by e-mail); failed proofs of
     * any kind from one client address, whoever they were aimed at, lock that address.
     */
    public ProofLimits personalQuestions() {
        return new ProofLimits(new ThrottlePolicy("holder-proof", holderFailures, holderWindow, holderLockout, PROOF_FAILURES),
                proofFailuresPerAddress());
    }

    /**
     * Wrong cancellation codes for one holder lock the cancellation page for that holder; attempts from one
     * client address are counted apart from the personal-question failures: a code is a far stronger secret
     * than three answers, and each path keeps its own budget.
     */
    public ProofLimits cancellationCodes() {
        return new ProofLimits(
                new ThrottlePolicy("holder-code", codeHolderFailures, codeHolderLockout, codeHolderLockout, PROOF_FAILURES),
                new ThrottlePolicy("address-code", codeAddressFailures, codeAddressLockout, codeAddressLockout, RATE_LIMIT));
    }

    /** Wrong access keys for one organisation identifier lock the enterprise login and tell the representative. */
    public ProofLimits accessKeys() {
        return new ProofLimits(new ThrottlePolicy("enterprise-login", loginFailures, loginWindow, loginLockout, PROOF_FAILURES),
                proofFailuresPerAddress());
    }

    /** Failed proofs of any kind from one client address, whoever they were aimed at. */
    public ThrottlePolicy proofFailuresPerAddress() {
        return new ThrottlePolicy("address-proof", addressFailures, addressLockout, addressLockout, PROOF_FAILURES);
    }

    /** E-mailed login codes for one representative: one per {@code certrevoke.enterprise.code.resend-after}, whatever the step. */
    public ThrottlePolicy loginCodesPerRepresentative() {
        return new ThrottlePolicy("login-code", 1, codeResendAfter, codeResendAfter, RATE_LIMIT);
    }

    /** The longest any policy looks back: a row started longer ago than that, and not locked, counts nothing. */
    public Duration longestWindow() {
        return Stream.of(searchWindow, enterpriseSearchWindow, holderWindow, holderLockout, addressLockout,
                codeHolderLockout, codeAddressLockout, loginWindow, loginLockout, codeResendAfter)
                .max(Comparator.naturalOrder()).orElseThrow();
    }
}
