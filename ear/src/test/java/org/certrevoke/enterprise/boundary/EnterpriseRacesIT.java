package org.certrevoke.enterprise.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certrevoke.enterprise.control.CertificateFilter;
import org.certrevoke.enterprise.control.CodeRefusedException;
import org.certrevoke.enterprise.control.LoginRefusedException;
import org.certrevoke.enterprise.control.Representative;
import org.certrevoke.enterprise.control.ResendTooSoonException;
import org.certrevoke.it.Burst;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.EnterpriseFixtures;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.Limits;
import org.certrevoke.security.control.LockedOutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The enterprise area's limits raced inside the server: thirty calls at once, each on its own thread and
 * so in its own transaction. Only the limit is evaluated, whatever the parallelism.
 */
@ExtendWith(ArquillianExtension.class)
class EnterpriseRacesIT {

    private static final int BURST = 30;
    private static final String WRONG_KEY = "11111111111111111111";
    private static final String KEY_EVALUATED = "ENTERPRISE_LOGIN_FAILED identifier and access key";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(EnterpriseRacesIT.class, EnterpriseFixtures.class, Fixtures.class, Limits.class,
                Limits.Row.class, Limits.Several.class, Burst.class, Burst.Outcome.class);
    }

    @Inject
    EnterpriseLogin login;

    @Inject
    EnterpriseCertificates certificates;

    @Inject
    EnterpriseFixtures organisations;

    @Inject
    Limits limits;

    @Test
    void thirtyWrongAccessKeysAtOnceAreEvaluatedFiveTimes() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();

        List<Burst.Outcome<Object>> outcomes = Burst.fire(BURST, i -> () -> login.checkKey(org.identifier(), WRONG_KEY, address));

        Map<String, Long> events = limits.eventsFrom(address, true);
        long mails = limits.mailsTo(org.representativeEmail(), "bloquées");
        System.out.printf("access keys, %d together: evaluated %d, refused %d, lockout mails %d (%s)%n", BURST,
                events.getOrDefault(KEY_EVALUATED, 0L), Burst.count(outcomes, LockedOutException.class), mails, events);
        assertEquals(List.of(), Burst.unexpected(outcomes, List.of(LoginRefusedException.class, LockedOutException.class)));
        assertEquals(5, events.getOrDefault(KEY_EVALUATED, 0L), "keys evaluated: " + events);
        assertEquals(BURST - 5, Burst.count(outcomes, LockedOutException.class) - 1, "refused unevaluated");
        assertEquals(1, mails, "lockout mails");
        assertThrows(LockedOutException.class, () -> login.checkKey(org.identifier(), org.accessKey(),
                Fixtures.freshClientAddress()), "the right key is refused while the identifier is locked");
    }

    @Test
    void thirtyFailedProofsAtOnceFromOneAddressAreEvaluatedTenTimes() {
        String address = Fixtures.freshClientAddress();
        String unknown = "IT-NOBODY-" + UUID.randomUUID() + "-";

        List<Burst.Outcome<Object>> outcomes = Burst.fire(BURST, i -> () -> login.checkKey(unknown + i, WRONG_KEY, address));

        Map<String, Long> events = limits.eventsFrom(address, true);
        System.out.printf("failed proofs from one address, %d together: evaluated %d, refused %d%n", BURST,
                events.getOrDefault(KEY_EVALUATED, 0L), Burst.count(outcomes, LockedOutException.class));
        assertEquals(List.of(), Burst.unexpected(outcomes, List.of(LoginRefusedException.class, LockedOutException.class)));
        assertEquals(10, events.getOrDefault(KEY_EVALUATED, 0L), "proofs evaluated: " + events);
    }

    @Test
    void thirtyWrongLoginCodesAtOnceAreEvaluatedFiveTimes() {
        EnterpriseFixtures.Org org = organisations.organisation();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), Fixtures.freshClientAddress());
        login.confirmEmail(representative.id(), org.representativeEmail(), Fixtures.freshClientAddress());
        String code = organisations.lastCodeMailedTo(org.representativeEmail());
        String wrong = code.equals("000000") ? "000001" : "000000";
        String address = Fixtures.freshClientAddress();

        List<Burst.Outcome<Object>> outcomes = Burst.fire(BURST, i -> () -> login.verifyCode(representative.id(), wrong, address));

        Map<String, Long> events = limits.eventsFrom(address, true);
        System.out.printf("login codes, %d together: %s%n", BURST, events);
        assertEquals(List.of(), Burst.unexpected(outcomes, List.of(CodeRefusedException.class, LockedOutException.class)));
        assertEquals(4, events.getOrDefault("ENTERPRISE_CODE_FAILED WRONG", 0L), "wrong codes evaluated: " + events);
        CodeRefusedException rightOne = assertThrows(CodeRefusedException.class,
                () -> login.verifyCode(representative.id(), code, Fixtures.freshClientAddress()));
        assertEquals(CodeRefusedException.Why.EXHAUSTED, rightOne.why());
    }

    @Test
    void thirtyConfirmationsAtOnceMailOneCode() {
        EnterpriseFixtures.Org org = organisations.organisation();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), Fixtures.freshClientAddress());
        String address = Fixtures.freshClientAddress();

        List<Burst.Outcome<Object>> outcomes = Burst.fire(BURST, i -> () -> {
            login.confirmEmail(representative.id(), org.representativeEmail(), address);
            return null;
        });

        long codeMails = limits.mailsTo(org.representativeEmail(), "code");
        System.out.printf("login code mails after %d confirmations together: %d%n", BURST, codeMails);
        assertEquals(List.of(), Burst.unexpected(outcomes, List.of(ResendTooSoonException.class)));
        assertEquals(1, codeMails, "codes mailed");
        assertEquals(1, limits.eventsFrom(address, false).getOrDefault("ENTERPRISE_CODE_SENT", 0L));
        assertThrows(ResendTooSoonException.class, () -> login.resendCode(representative.id(), address));
        assertEquals(1, limits.mailsTo(org.representativeEmail(), "code"), "a resend within the minute mails nothing");
    }

    @Test
    void thirtySearchesAtOnceRunOnlyWhatIsLeftOfTheBudget() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();
        limits.counted("enterprise-search:" + address, 45);

        List<Burst.Outcome<Object>> outcomes = Burst.fire(BURST, i -> () -> certificates.count(org.representativeId(),
                new CertificateFilter(null, null, null), address));

        Map<String, Long> events = limits.eventsFrom(address, false);
        System.out.printf("enterprise searches, %d together with 15 left of 60: run %d, refused %d%n", BURST,
                events.getOrDefault("ENTERPRISE_SEARCH", 0L), Burst.count(outcomes, LockedOutException.class));
        assertEquals(List.of(), Burst.unexpected(outcomes, List.of(LockedOutException.class)));
        assertEquals(15, events.getOrDefault("ENTERPRISE_SEARCH", 0L), "searches run: " + events);
        assertEquals(15, Burst.count(outcomes, LockedOutException.class));
        assertTrue(limits.locked("enterprise-search:" + address));
    }
}
