package org.certrevoke.revocation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.notification.entity.OutboxMail;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.revocation.control.CertificateSummary;
import org.certrevoke.revocation.control.HolderQuery;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.revocation.control.WrongAnswersException;
import org.certrevoke.security.control.LockedOutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The holder's own revocation below the pages, inside the server: lockouts, rate limits and their
 * mails live in the database and in separate transactions, so only the real container shows whether
 * a failure is counted, audited and told to the holder even though the use case itself failed.
 * Every test uses its own client address, because failures per address are limited too.
 */
@ExtendWith(ArquillianExtension.class)
class HolderRevocationsIT {

    private static final List<String> WRONG_ANSWERS = List.of("Paris", "12h00", "Dupont");
    private static final Duration LOCKOUT = Duration.ofHours(1);
    private static final int SEARCHES_PER_MINUTE = 20;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(HolderRevocationsIT.class, Fixtures.class);
    }

    @Inject
    HolderRevocations holderRevocations;

    @Inject
    Fixtures fixtures;

    @Test
    void threeWrongAnswerSetsLockTheHolderOutAndTellThemByMail() {
        Fixtures.Issued issued = fixtures.validCertificate();
        String address = Fixtures.freshClientAddress();

        assertThrows(WrongAnswersException.class, () -> prove(issued, WRONG_ANSWERS, address));
        assertThrows(WrongAnswersException.class, () -> prove(issued, WRONG_ANSWERS, address));
        Instant before = Instant.now();
        LockedOutException locked = assertThrows(LockedOutException.class, () -> prove(issued, WRONG_ANSWERS, address));
        Instant after = Instant.now();
        LockedOutException stillLocked = assertThrows(LockedOutException.class,
                () -> prove(issued, issued.answers(), address));

        assertEquals(LockedOutException.Why.PROOF_FAILURES, locked.why());
        assertFalse(locked.until().isBefore(before.plus(LOCKOUT)), () -> "locked until " + locked.until());
        assertFalse(locked.until().isAfter(after.plus(LOCKOUT)), () -> "locked until " + locked.until());
        assertEquals(LockedOutException.Why.PROOF_FAILURES, stillLocked.why());
        assertEquals(locked.until(), stillLocked.until(), "the right answers neither lift nor extend the lock");
        List<OutboxMail> mails = fixtures.mailsTo(issued.email());
        assertEquals(1, mails.size(), "mails to the holder");
        assertTrue(mails.get(0).getSubject().contains("Tentatives de révocation refusées"), mails.get(0).getSubject());
        assertEquals(List.of("PROOF_FAILED", "PROOF_FAILED", "PROOF_FAILED", "LOCKOUT", "RATE_LIMITED"),
                fixtures.auditEventsAbout(issued.serial()), "the right answers, refused unevaluated, are recorded too");
        assertFalse(fixtures.certificate(issued.certificateId()).isRevoked());
    }

    @Test
    void rightAnswersMatchWhateverCaseAccentsAndSpaces() {
        Fixtures.Issued issued = fixtures.validCertificate();
        String address = Fixtures.freshClientAddress();
        List<String> typed = List.of("  PONT-L'ABBE ", "7 H 45", "le floc'h");

        prove(issued, typed, address);
        RevocationReceipt receipt = holderRevocations.revoke(issued.query(), issued.serial(), typed,
                RevocationReason.PASSWORD_LOST, true, address);

        assertEquals(issued.serial(), receipt.serial());
        assertEquals(RevocationReason.PASSWORD_LOST, receipt.reason());
        assertEquals(CrlReason.KEY_COMPROMISE, receipt.crlReason(), "someone else may know the password");
        assertEquals(CrlReason.KEY_COMPROMISE, fixtures.certificate(issued.certificateId()).getCrlReason());
        assertEquals(List.of("PROOF_SUCCEEDED", "PROOF_SUCCEEDED", "REVOCATION"),
                fixtures.auditEventsAbout(issued.serial()));
    }

    @Test
    void lostPasswordNobodyElseKnowsIsPublishedAsCessationOfOperation() {
        Fixtures.Issued issued = fixtures.validCertificate();

        RevocationReceipt receipt = holderRevocations.revoke(issued.query(), issued.serial(), issued.answers(),
                RevocationReason.PASSWORD_LOST, false, Fixtures.freshClientAddress());

        assertEquals(RevocationReason.PASSWORD_LOST, receipt.reason());
        assertEquals(CrlReason.CESSATION_OF_OPERATION, receipt.crlReason());
        Certificate stored = fixtures.certificate(issued.certificateId());
        assertTrue(stored.isRevoked());
        assertEquals(CrlReason.CESSATION_OF_OPERATION, stored.getCrlReason());
    }

    @Test
    void searchesAreRateLimitedPerClientAddress() {
        Fixtures.Issued issued = fixtures.validCertificate();
        String address = Fixtures.freshClientAddress();

        for (int i = 1; i <= SEARCHES_PER_MINUTE; i++) {
            assertEquals(1, holderRevocations.search(issued.query(), address).size(), "search " + i);
        }
        LockedOutException limited = assertThrows(LockedOutException.class,
                () -> holderRevocations.search(issued.query(), address));

        assertEquals(LockedOutException.Why.RATE_LIMIT, limited.why());
        assertEquals(1, holderRevocations.search(issued.query(), Fixtures.freshClientAddress()).size(),
                "another address is not limited");
        List<String> expected = new ArrayList<>(Collections.nCopies(SEARCHES_PER_MINUTE, "HOLDER_SEARCH"));
        expected.add("RATE_LIMITED");
        assertEquals(expected, fixtures.auditEventsFrom(address));
    }

    @Test
    void unknownPairAnswersLikeKnownHolderWithoutCertificates() {
        Fixtures.Issued issued = fixtures.validCertificate();
        String address = Fixtures.freshClientAddress();

        List<CertificateSummary> unknownPair = holderRevocations.search(
                new HolderQuery(null, "it-unknown-" + UUID.randomUUID() + "@example.test", "IT-000000000000"), address);
        List<CertificateSummary> customerWithWrongNumber = holderRevocations.search(
                new HolderQuery(null, issued.email(), "IT-000000000000"), address);
        List<CertificateSummary> noneOfThatType = holderRevocations.search(
                new HolderQuery(CertificateType.AUTHENTICATION, issued.email(), issued.idDocumentNumber()), address);
        List<CertificateSummary> signature = holderRevocations.search(
                new HolderQuery(CertificateType.SIGNATURE, issued.email(), issued.idDocumentNumber()), address);

        assertEquals(List.of(), noneOfThatType);
        assertEquals(noneOfThatType, unknownPair);
        assertEquals(noneOfThatType, customerWithWrongNumber);
        assertEquals(1, signature.size(), "the holder is known and has a signature certificate");
    }

    @Test
    void holdersNeverGetNonPayment() {
        Fixtures.Issued issued = fixtures.validCertificate();

        EJBException refused = assertThrows(EJBException.class,
                () -> holderRevocations.revoke(issued.query(), issued.serial(), issued.answers(),
                        RevocationReason.NON_PAYMENT, false, Fixtures.freshClientAddress()));

        // today a system exception; when it becomes an application exception, assert that one instead
        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        Certificate stored = fixtures.certificate(issued.certificateId());
        assertFalse(stored.isRevoked());
        assertEquals(List.of(), fixtures.auditEventsAbout(issued.serial()));
        assertEquals(List.of(), fixtures.mailsTo(issued.email()));
    }

    @Test
    void aHolderRegisteredBeforeHyphensApostrophesAndStrokesWereFoldedStillProvesAndIsThenKnownEitherWay() {
        Fixtures.Issued issued = fixtures.validCertificate();
        List<String> firstForm = fixtures.hashAnswersInFirstForm(issued);
        String address = Fixtures.freshClientAddress();
        List<String> withoutHyphensOrApostrophes = List.of("Pont l Abbe", "7h45", "Le Floch");

        assertThrows(WrongAnswersException.class, () -> prove(issued, withoutHyphensOrApostrophes, address),
                "hashes of the first form know the answers only as they were written");
        assertEquals(firstForm, fixtures.answerHashes(issued), "nothing re-hashed on a failure");

        prove(issued, List.of("pont-l'abbé", "7H45", "LE FLOC’H"), address);
        List<String> rehashed = fixtures.answerHashes(issued);
        assertNotEquals(firstForm.get(0), rehashed.get(0), "kept under the current form");
        assertEquals(firstForm.get(1), rehashed.get(1), "an answer whose two forms agree is left as it was");
        assertNotEquals(firstForm.get(2), rehashed.get(2), "kept under the current form");

        prove(issued, withoutHyphensOrApostrophes, address);
        prove(issued, issued.answers(), address);
    }

    private void prove(Fixtures.Issued issued, List<String> answers, String clientAddress) {
        holderRevocations.prove(issued.query(), issued.serial(), answers, clientAddress);
    }
}
