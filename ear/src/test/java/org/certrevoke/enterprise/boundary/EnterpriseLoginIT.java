package org.certrevoke.enterprise.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.certrevoke.enterprise.control.CodeRefusedException;
import org.certrevoke.enterprise.control.EmailMismatchException;
import org.certrevoke.enterprise.control.LoginRefusedException;
import org.certrevoke.enterprise.control.Representative;
import org.certrevoke.enterprise.control.ResendTooSoonException;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.EnterpriseFixtures;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.TestClock;
import org.certrevoke.notification.entity.OutboxMail;
import org.certrevoke.registry.boundary.RegistrationAuthority;
import org.certrevoke.security.control.LockedOutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The legal representative's three login steps inside the server, on organisations of the tests' own:
 * lockouts and codes live in the database and in separate transactions, and their lifetimes are
 * crossed by moving the server's clock ({@link TestClock}), never by waiting. Every test uses its own
 * client address, because failures per address are limited too.
 */
@ExtendWith(ArquillianExtension.class)
class EnterpriseLoginIT {

    private static final String WRONG_KEY = "11111111111111111111";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClock(EnterpriseLoginIT.class, EnterpriseFixtures.class, Fixtures.class);
    }

    @Inject
    EnterpriseLogin login;

    @Inject
    AccessKeys accessKeys;

    @Inject
    RegistrationAuthority registration;

    @Inject
    EnterpriseFixtures organisations;

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Test
    void keyTypedInGroupsWithSpacesAndDashesIsAccepted() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String typed = org.accessKey().substring(0, 5) + " " + org.accessKey().substring(5, 10) + "-"
                + org.accessKey().substring(10, 15) + " - " + org.accessKey().substring(15);

        Representative representative = login.checkKey(" " + org.identifier() + " ", typed, Fixtures.freshClientAddress());

        assertEquals(org.representativeId(), representative.id());
        assertEquals("Katell Représentante", representative.fullName());
        assertEquals("i•••@•••.test", representative.maskedEmail());
    }

    @Test
    void unknownIdentifierAndWrongKeyAreRefusedAlike() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();

        LoginRefusedException wrongKey = assertThrows(LoginRefusedException.class,
                () -> login.checkKey(org.identifier(), WRONG_KEY, address));
        LoginRefusedException unknown = assertThrows(LoginRefusedException.class,
                () -> login.checkKey("IT-NOBODY-" + org.identifier(), org.accessKey(), address));
        LoginRefusedException otherOrganisationsKey = assertThrows(LoginRefusedException.class,
                () -> login.checkKey(org.identifier(), organisations.organisation().accessKey(), address));

        assertEquals(wrongKey.getMessage(), unknown.getMessage());
        assertEquals(wrongKey.getMessage(), otherOrganisationsKey.getMessage());
        assertEquals(List.of("ENTERPRISE_LOGIN_FAILED", "ENTERPRISE_LOGIN_FAILED", "ENTERPRISE_LOGIN_FAILED"),
                fixtures.auditEventsFrom(address));
    }

    @Test
    void fiveWrongKeysLockTheIdentifierForFifteenMinutesAndTellTheRepresentative() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();

        for (int i = 1; i <= 4; i++) {
            assertThrows(LoginRefusedException.class, () -> login.checkKey(org.identifier(), WRONG_KEY, address), "try " + i);
        }
        LockedOutException locked = assertThrows(LockedOutException.class,
                () -> login.checkKey(org.identifier(), WRONG_KEY, address));
        assertThrows(LockedOutException.class,
                () -> login.checkKey(org.identifier(), org.accessKey(), Fixtures.freshClientAddress()),
                "the right key from elsewhere does not open a locked identifier");

        List<OutboxMail> mails = fixtures.mailsTo(org.representativeEmail());
        assertEquals(1, mails.size(), "mails to the representative");
        assertTrue(mails.get(0).getSubject().contains("Connexions à l'espace entreprise bloquées"), mails.get(0).getSubject());
        String body = organisations.opened(mails.get(0));
        assertTrue(body.contains(org.identifier()), body);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(org.representativeId(), login.checkKey(org.identifier(), org.accessKey(), address).id(),
                "the lock ends after 15 minutes " + locked.until());
    }

    @Test
    void wrongEmailSendsNoCode() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), address);

        assertThrows(EmailMismatchException.class,
                () -> login.confirmEmail(representative.id(), "someone.else@example.test", address));

        assertEquals(List.of(), fixtures.mailsTo(org.representativeEmail()));
        assertEquals(List.of("ENTERPRISE_KEY_ACCEPTED", "ENTERPRISE_EMAIL_FAILED"), fixtures.auditEventsFrom(address));
    }

    @Test
    void theMailedCodeLogsInOnceOnly() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), address);

        login.confirmEmail(representative.id(), " " + org.representativeEmail().toUpperCase() + " ", address);
        String code = organisations.lastCodeMailedTo(org.representativeEmail());
        Representative loggedIn = login.verifyCode(representative.id(), code.substring(0, 3) + " " + code.substring(3), address);
        CodeRefusedException again = assertThrows(CodeRefusedException.class,
                () -> login.verifyCode(representative.id(), code, address));

        assertEquals(representative, loggedIn);
        assertEquals(CodeRefusedException.Why.USED, again.why());
        assertEquals(List.of("ENTERPRISE_KEY_ACCEPTED", "ENTERPRISE_CODE_SENT", "ENTERPRISE_LOGIN_SUCCEEDED",
                "ENTERPRISE_CODE_FAILED"), fixtures.auditEventsFrom(address));
    }

    @Test
    void theCodeExpiresAfterTenMinutes() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), address);
        login.confirmEmail(representative.id(), org.representativeEmail(), address);
        String code = organisations.lastCodeMailedTo(org.representativeEmail());

        clock.advance(Duration.ofMinutes(10));

        CodeRefusedException expired = assertThrows(CodeRefusedException.class,
                () -> login.verifyCode(representative.id(), code, address));
        assertEquals(CodeRefusedException.Why.EXPIRED, expired.why());
    }

    @Test
    void theCodeStillWorksJustBeforeTenMinutes() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), address);
        login.confirmEmail(representative.id(), org.representativeEmail(), address);
        String code = organisations.lastCodeMailedTo(org.representativeEmail());

        clock.advance(Duration.ofMinutes(9).plusSeconds(50));

        assertEquals(representative.id(), login.verifyCode(representative.id(), code, address).id());
    }

    @Test
    void fiveWrongCodesVoidTheCode() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), address);
        login.confirmEmail(representative.id(), org.representativeEmail(), address);
        String code = organisations.lastCodeMailedTo(org.representativeEmail());
        String wrong = code.equals("000000") ? "000001" : "000000";

        for (int left = 4; left >= 1; left--) {
            CodeRefusedException refused = assertThrows(CodeRefusedException.class,
                    () -> login.verifyCode(representative.id(), wrong, address));
            assertEquals(CodeRefusedException.Why.WRONG, refused.why());
            assertEquals(left, refused.triesLeft());
        }
        CodeRefusedException fifth = assertThrows(CodeRefusedException.class,
                () -> login.verifyCode(representative.id(), wrong, address));
        CodeRefusedException rightOneTooLate = assertThrows(CodeRefusedException.class,
                () -> login.verifyCode(representative.id(), code, address));

        assertEquals(CodeRefusedException.Why.EXHAUSTED, fifth.why());
        assertEquals(CodeRefusedException.Why.EXHAUSTED, rightOneTooLate.why());
    }

    @Test
    void aNewCodeIsSentOncePerMinuteAndVoidsTheOldOne() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), address);
        login.confirmEmail(representative.id(), org.representativeEmail(), address);
        String old = organisations.lastCodeMailedTo(org.representativeEmail());

        assertThrows(ResendTooSoonException.class, () -> login.resendCode(representative.id(), address));
        clock.advance(Duration.ofSeconds(61));
        login.resendCode(representative.id(), address);
        String fresh = organisations.lastCodeMailedTo(org.representativeEmail());

        if (!old.equals(fresh)) {
            CodeRefusedException refused = assertThrows(CodeRefusedException.class,
                    () -> login.verifyCode(representative.id(), old, address));
            assertEquals(CodeRefusedException.Why.WRONG, refused.why());
        }
        assertEquals(representative.id(), login.verifyCode(representative.id(), fresh, address).id());
        assertEquals(2, fixtures.mailsTo(org.representativeEmail()).size());
    }

    @Test
    void codesAreStoredOnlyAsHashes() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();
        Representative representative = login.checkKey(org.identifier(), org.accessKey(), address);
        login.confirmEmail(representative.id(), org.representativeEmail(), address);

        String stored = organisations.storedCodeHashOf(representative.id());

        assertTrue(stored.startsWith("$argon2id$"), stored);
        assertTrue(!stored.contains(organisations.lastCodeMailedTo(org.representativeEmail())), stored);
    }

    @Test
    void aRegeneratedKeyReplacesTheOldOne() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();

        String fresh = accessKeys.regenerate(org.representativeId(), "operator@ca.example");

        assertTrue(fresh.matches("\\d{20}"), fresh);
        assertThrows(LoginRefusedException.class, () -> login.checkKey(org.identifier(), org.accessKey(), address));
        assertEquals(org.representativeId(), login.checkKey(org.identifier(), fresh, address).id());
    }

    @Test
    void aKeyRegeneratedForTheOrganisationReplacesTheOldOneAndIsAudited() {
        EnterpriseFixtures.Org org = organisations.organisation();
        String address = Fixtures.freshClientAddress();

        String fresh = registration.regenerateAccessKey(org.identifier(),
                new RegistrationAuthority.Caller("api-key:it", address)).accessKey();

        assertTrue(fresh.matches("\\d{20}"), fresh);
        assertEquals(List.of("ACCESS_KEY_REGENERATED"), fixtures.auditEventsFrom(address));
        assertThrows(LoginRefusedException.class, () -> login.checkKey(org.identifier(), org.accessKey(), address));
        assertEquals(org.representativeId(), login.checkKey(org.identifier(), fresh, address).id());
    }
}
