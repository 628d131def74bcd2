package org.certrevoke.revocation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.revocation.control.CodeQuery;
import org.certrevoke.revocation.control.WrongCodeException;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.SecretHasher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cancellation with a code below the page, inside the server: the code's budgets are the holder's and the
 * address's own, and an unknown holder is answered exactly like a wrong code.
 */
@ExtendWith(ArquillianExtension.class)
class CodeCancellationsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(CodeCancellationsIT.class, Fixtures.class);
    }

    @Inject
    SecretHasher hasher;

    @Inject
    CodeCancellations cancellations;

    @Inject
    Fixtures fixtures;

    @Test
    void codeRevokesOnceAndTheRevocationNamesTheCodeAsItsRequester() {
        Fixtures.Issued issued = fixtures.validCertificate();
        String address = Fixtures.freshClientAddress();
        CodeQuery query = new CodeQuery(issued.email(), issued.holderName().toUpperCase(), issued.cancellationCode());

        assertEquals(issued.serial(), cancellations.find(query, address).serial());
        cancellations.revoke(query, RevocationReason.HOLDER_REQUEST, false, address);

        assertEquals(Requester.Kind.CANCELLATION_CODE, fixtures.certificate(issued.certificateId()).getRequester().getKind());
        assertThrows(WrongCodeException.class, () -> cancellations.find(query, address));
        assertTrue(fixtures.mailsTo(issued.email()).stream().anyMatch(mail -> mail.getSubject().contains("révoqué")));
    }

    @Test
    void unknownEmailOrNameIsAnsweredLikeAWrongCode() {
        Fixtures.Issued issued = fixtures.validCertificate();
        String address = Fixtures.freshClientAddress();
        assertThrows(WrongCodeException.class, () -> cancellations.find(
                new CodeQuery(nobody(), issued.holderName(), issued.cancellationCode()), address));
        assertThrows(WrongCodeException.class, () -> cancellations.find(
                new CodeQuery(issued.email(), "Someone Else", issued.cancellationCode()), address));
        assertEquals(List.of("PROOF_FAILED", "PROOF_FAILED"), fixtures.auditEventsFrom(address));
    }

    /** Ten wrong codes from one address, each on another e-mail (no address asked about reaches its own limit). */
    @Test
    void tenFailuresFromOneAddressLockThatAddressOnly() {
        Fixtures.Issued issued = fixtures.validCertificate();
        String address = Fixtures.freshClientAddress();
        for (int i = 0; i < 10; i++) {
            assertThrows(WrongCodeException.class,
                    () -> cancellations.find(new CodeQuery(nobody(), "No One", "AAAA-AAAA-AAAA"), address));
        }
        LockedOutException locked = assertThrows(LockedOutException.class, () -> cancellations.find(
                new CodeQuery(issued.email(), issued.holderName(), issued.cancellationCode()), address));
        assertEquals(LockedOutException.Why.RATE_LIMIT, locked.why());
        assertEquals(issued.serial(), cancellations.find(new CodeQuery(issued.email(), issued.holderName(),
                issued.cancellationCode()), Fixtures.freshClientAddress()).serial());
    }

    /**
     * Five wrong codes on one e-mail address lock it whether anyone has it or not: five attempts on an e-mail of
     * nobody's lock it, and the sixth is refused unevaluated (no Argon2 work) like a known holder's.
     */
    @Test
    void fiveWrongCodesLockAnAddressNobodyHas() {
        String email = nobody();
        String address = Fixtures.freshClientAddress();
        long before = hasher.evaluations();
        for (int i = 0; i < 5; i++) {
            assertThrows(WrongCodeException.class,
                    () -> cancellations.find(new CodeQuery(email, "No One", "AAAA-AAAA-AAAA"), address));
        }
        assertEquals(15, hasher.evaluations() - before, "five attempts evaluated, three checks each");
        assertThrows(WrongCodeException.class,
                () -> cancellations.find(new CodeQuery(email, "No One", "AAAA-AAAA-AAAA"), Fixtures.freshClientAddress()));
        assertEquals(15, hasher.evaluations() - before, "the sixth refused without Argon2 work");
    }

    private static String nobody() {
        return "nobody-" + UUID.randomUUID() + "@example.test";
    }
}
