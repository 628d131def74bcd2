package org.certrevoke.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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

    /** Searches from one client address. */
    public ThrottlePolicy searchesPerAddress() {
        return new ThrottlePolicy("search", searchLimit, searchWindow, searchWindow);
    }

    /** Wrong answer sets for one holder: the holder flow is locked and the holder is told by e-mail. */
    public ThrottlePolicy proofFailuresPerHolder() {
        return new ThrottlePolicy("holder-proof", holderFailures, holderWindow, holderLockout);
    }

    /** Failed proofs of any kind from one client address, whoever they were aimed at. */
    public ThrottlePolicy proofFailuresPerAddress() {
        return new ThrottlePolicy("address-proof", addressFailures, addressLockout, addressLockout);
    }

    /** Wrong cancellation codes for one holder: the cancellation page is locked for that holder. */
    public ThrottlePolicy codeFailuresPerHolder() {
        return new ThrottlePolicy("holder-code", codeHolderFailures, codeHolderLockout, codeHolderLockout);
    }

    /**
     * Failed cancellation-code attempts from one client address, counted apart from the personal-question
     * failures: a code is a far stronger secret than three answers, and each path keeps its own budget.
     */
    public ThrottlePolicy codeFailuresPerAddress() {
        return new ThrottlePolicy("address-code", codeAddressFailures, codeAddressLockout, codeAddressLockout);
    }

    /** Wrong access keys for one organisation identifier: the enterprise login is locked and the representative told. */
    public ThrottlePolicy loginFailuresPerIdentifier() {
        return new ThrottlePolicy("enterprise-login", loginFailures, loginWindow, loginLockout);
    }
}
