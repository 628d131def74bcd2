package org.certrevoke.revocation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.certrevoke.it.Burst;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.Limits;
import org.certrevoke.platform.control.Sha256;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.revocation.control.CodeQuery;
import org.certrevoke.revocation.control.WrongCodeException;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.SecretHasher;
import org.certrevoke.security.control.ThrottlePolicies;
import org.certrevoke.security.control.ThrottleRows;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The holder's limits raced inside the server: thirty calls of the boundary at once, each on its own thread
 * and so in its own transaction, as thirty requests would be. Whatever the parallelism, only the limit is
 * evaluated, the rest is refused unevaluated, and one lockout is recorded and mailed.
 */
@ExtendWith(ArquillianExtension.class)
class ProofRacesIT {

    private static final int BURST = 30;
    private static final int CODE_LIMIT = 5;
    private static final int SEARCH_LIMIT = 20;
    private static final long CHECKS_PER_ATTEMPT = 3;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ProofRacesIT.class, Fixtures.class, Limits.class, Limits.Row.class,
                Limits.Several.class, Burst.class, Burst.Outcome.class);
    }

    @Inject
    CodeCancellations cancellations;

    @Inject
    HolderRevocations holderRevocations;

    @Inject
    Limits limits;

    @Inject
    SecretHasher hasher;

    @Inject
    ThrottleRows rows;

    @Inject
    ThrottlePolicies policies;

    @Test
    void thirtyWrongCancellationCodesAtOnceAreEvaluatedFiveTimes() {
        Limits.Several holder = limits.holderWithCertificates(1);
        Fixtures.Issued issued = holder.first();
        String address = Fixtures.freshClientAddress();

        List<Burst.Outcome<Object>> outcomes = Burst.fire(BURST, i -> () -> cancellations.find(
                new CodeQuery(issued.email(), issued.holderName(), "AAAA-BBBB-" + String.format("%04d", i)), address));

        Map<String, Long> events = limits.eventsFrom(address, false);
        long mails = limits.mailsTo(issued.email(), "refusés");
        System.out.printf("cancellation codes, %d together: evaluated %d, refused %d, lockouts %d, lockout mails %d%n",
                BURST, events.getOrDefault("PROOF_FAILED", 0L), events.getOrDefault("RATE_LIMITED", 0L),
                events.getOrDefault("LOCKOUT", 0L), mails);
        assertEquals(List.of(), Burst.unexpected(outcomes, List.of(WrongCodeException.class)));
        assertEquals(CODE_LIMIT, events.getOrDefault("PROOF_FAILED", 0L), "codes evaluated: " + events);
        assertEquals(BURST - CODE_LIMIT, events.getOrDefault("RATE_LIMITED", 0L), "refused unevaluated: " + events);
        assertEquals(1, events.getOrDefault("LOCKOUT", 0L), "lockout records: " + events);
        assertEquals(1, mails, "lockout mails");
        assertThrows(WrongCodeException.class, () -> cancellations.find(
                new CodeQuery(issued.email(), issued.holderName(), issued.cancellationCode()), Fixtures.freshClientAddress()),
                "the right code is refused while the holder is locked");
    }

    @Test
    void thirtySearchesAtOnceFromOneAddressRunTwentyTimes() {
        Fixtures.Issued issued = limits.holderWithCertificates(1).first();
        String address = Fixtures.freshClientAddress();

        List<Burst.Outcome<Object>> outcomes = Burst.fire(BURST, i -> () -> holderRevocations.search(issued.query(), address));

        Map<String, Long> events = limits.eventsFrom(address, false);
        System.out.printf("holder searches, %d together: run %d, refused %d%n", BURST,
                events.getOrDefault("HOLDER_SEARCH", 0L), Burst.count(outcomes, LockedOutException.class));
        assertEquals(List.of(), Burst.unexpected(outcomes, List.of(LockedOutException.class)));
        assertEquals(SEARCH_LIMIT, events.getOrDefault("HOLDER_SEARCH", 0L), "searches run: " + events);
        assertEquals(BURST - SEARCH_LIMIT, Burst.count(outcomes, LockedOutException.class));
        assertEquals(BURST - SEARCH_LIMIT, events.getOrDefault("RATE_LIMITED", 0L), "refusals recorded: " + events);
    }

    /**
     * The cancellation page must not tell by its timing whether an e-mail and name belong to a holder with
     * certificates. Forty requests (after four to warm up) alternate an unknown holder and one with three valid
     * certificates, each from a fresh address and with the holder's counter cleared, so that every one of them is
     * evaluated. The medians are printed; what is asserted is the work, the same for both: as many Argon2 checks,
     * and one attempt counted against the e-mail address asked about, known or not.
     */
    @Test
    void theCancellationPageTakesAsLongForAnUnknownHolderAsForOneWithThreeCertificates() {
        Limits.Several holder = limits.holderWithCertificates(3);
        Fixtures.Issued issued = holder.first();
        CodeQuery known = new CodeQuery(issued.email(), issued.holderName(), "AAAA-BBBB-CCCC");
        CodeQuery unknown = new CodeQuery("it-nobody-" + UUID.randomUUID() + "@example.test", issued.holderName(),
                "AAAA-BBBB-CCCC");
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        Set<Long> knownChecks = new TreeSet<>();
        Set<Long> unknownChecks = new TreeSet<>();
        String knownRow = codeRow(known.email());
        String unknownRow = codeRow(unknown.email());
        for (int i = 0; i < 44; i++) {
            boolean isKnown = i % 2 == 0;
            limits.set(knownRow, null);
            limits.set(unknownRow, null);
            String address = Fixtures.freshClientAddress();
            long checksBefore = hasher.evaluations();
            long start = System.nanoTime();
            assertThrows(WrongCodeException.class, () -> cancellations.find(isKnown ? known : unknown, address));
            long took = System.nanoTime() - start;
            (isKnown ? knownChecks : unknownChecks).add(hasher.evaluations() - checksBefore);
            assertEquals(1, limits.row(isKnown ? knownRow : unknownRow).attempts(), "the attempt counted on its address");
            if (i >= 4) {
                (isKnown ? knownNanos : unknownNanos).add(took);
            }
        }
        double knownMedian = median(knownNanos);
        double unknownMedian = median(unknownNanos);
        System.out.printf("cancellation page, median of 20 each: unknown holder %.1f ms, holder with 3 certificates"
                + " %.1f ms, difference %.1f ms; Argon2 checks per request: unknown %s, known %s%n",
                unknownMedian, knownMedian, knownMedian - unknownMedian, unknownChecks, knownChecks);
        assertEquals(Set.of(CHECKS_PER_ATTEMPT), unknownChecks, "Argon2 checks for an unknown holder");
        assertEquals(Set.of(CHECKS_PER_ATTEMPT), knownChecks, "Argon2 checks for a holder with three certificates");
    }

    /**
     * Throttle rows that count nothing any more (unlocked, started longer ago than every window) are pruned; a
     * recent row and an old row whose lock still runs are kept.
     */
    @Test
    void throttleRowsThatCountNothingArePrunedAndTheOthersKept() {
        String unique = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime old = now.minus(policies.longestWindow()).minusHours(1);
        limits.set("it-prune-old:" + unique, new Limits.Row(2, old, null));
        limits.set("it-prune-lock-ended:" + unique, new Limits.Row(3, old, now.minusMinutes(1)));
        limits.set("it-prune-locked:" + unique, new Limits.Row(3, old, now.plusHours(1)));
        limits.set("it-prune-recent:" + unique, new Limits.Row(1, now.minusHours(1), null));

        assertTrue(rows.prune(policies.longestWindow()) >= 2, "at least the two rows that count nothing");

        assertNull(limits.row("it-prune-old:" + unique), "an old unlocked row");
        assertNull(limits.row("it-prune-lock-ended:" + unique), "an old row whose lock has ended");
        assertNotNull(limits.row("it-prune-locked:" + unique), "a lock that still runs is kept");
        assertNotNull(limits.row("it-prune-recent:" + unique), "a recent count is kept");
    }

    private static String codeRow(String email) {
        return "holder-code:" + Sha256.hex(Holder.emailLookup(email));
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int middle = sorted.size() / 2;
        long sum = sorted.size() % 2 == 0 ? sorted.get(middle - 1) + sorted.get(middle) : 2 * sorted.get(middle);
        return sum / 2.0 / 1_000_000.0;
    }
}
