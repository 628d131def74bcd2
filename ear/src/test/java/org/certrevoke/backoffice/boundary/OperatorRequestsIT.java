package org.certrevoke.backoffice.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certrevoke.backoffice.control.CertificateRef;
import org.certrevoke.backoffice.control.Grounds;
import org.certrevoke.backoffice.control.RequestOutcome;
import org.certrevoke.backoffice.control.RequestSummary;
import org.certrevoke.backoffice.control.RequestedBy;
import org.certrevoke.backoffice.control.ScanRefusedException;
import org.certrevoke.backoffice.control.StaffSearch;
import org.certrevoke.backoffice.control.StoredScan;
import org.certrevoke.backoffice.control.UploadedScan;
import org.certrevoke.backoffice.entity.RequestRefusedException;
import org.certrevoke.backoffice.entity.RequestState;
import org.certrevoke.backoffice.entity.Signatory;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.Staff;
import org.certrevoke.it.TestClock;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.security.control.LockedOutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's boundaries (find a certificate, phone and postal requests, the 24-hour clock) against the
 * real database: only operators may call them, the caller's answers are only matched, a wrong answer set
 * counts towards the holder's lockout, scans are checked before anything is stored.
 */
@ExtendWith(ArquillianExtension.class)
class OperatorRequestsIT {

    private static final List<String> WRONG = List.of("Quimper", "8h00", "Le Gall");
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Grounds NON_PAYMENT = new Grounds(RevocationReason.NON_PAYMENT, false);
    private static final RequestedBy HOLDER = new RequestedBy(Signatory.HOLDER, "Gwenaël Porteur");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClock(OperatorRequestsIT.class, Fixtures.class, Staff.class, Staff.Work.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    CertificateLookup lookup;

    @Inject
    PhoneRequests phone;

    @Inject
    PostalRequests postal;

    @Inject
    PendingRequests pending;

    @Inject
    TestClock clock;

    @Inject
    Clock now;

    @PersistenceContext
    EntityManager em;

    /** One call of each operator boundary method, as the pages make them, on a certificate of its own. */
    private Map<String, Staff.Work> everyMethod(CertificateRef ref, long requestId, String address) {
        Map<String, Staff.Work> methods = new LinkedHashMap<>();
        methods.put("CertificateLookup.find", () -> lookup.find(new StaffSearch(ref.serial(), null, null, null), address));
        methods.put("PhoneRequests.open", () -> phone.open(ref));
        methods.put("PhoneRequests.check", () -> phone.check(ref, Fixtures.ANSWERS, address));
        methods.put("PhoneRequests.revoke", () -> phone.revoke(ref, Fixtures.ANSWERS, HOLDER, NON_PAYMENT, address));
        methods.put("PhoneRequests.recordUnresolved", () -> phone.recordUnresolved(ref, HOLDER, "Rappel impossible", address));
        methods.put("PostalRequests.certificate", () -> postal.certificate(ref));
        methods.put("PostalRequests.limits", () -> postal.limits());
        methods.put("PostalRequests.record", () -> postal.record(ref, now.instant(), HOLDER, new UploadedScan("f.pdf", PDF), address));
        methods.put("PendingRequests.pending", () -> pending.pending());
        methods.put("PendingRequests.scan", () -> pending.scan(requestId, address));
        methods.put("PendingRequests.close", () -> pending.close(requestId, "Signature illisible", address));
        methods.put("PendingRequests.revoke", () -> pending.revoke(requestId, NON_PAYMENT, address));
        return methods;
    }

    @Test
    void auditorAndAnonymousCallersAreRefusedEverywhereAndChangeNothing() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        CertificateRef ref = ref(issued);
        long requestId = Staff.asOperator(() -> postal.record(ref, now.instant(), HOLDER, new UploadedScan("f.pdf", PDF),
                Fixtures.freshClientAddress())).id();
        long requestsBefore = requestsFor(issued);

        for (Map.Entry<String, Staff.Work> method : everyMethod(ref, requestId, Fixtures.freshClientAddress()).entrySet()) {
            assertThrows(EJBAccessException.class, () -> Staff.asAuditor(method.getValue()), "auditor: " + method.getKey());
            assertThrows(EJBAccessException.class, () -> method.getValue().run(), "anonymous: " + method.getKey());
        }

        assertEquals(requestsBefore, requestsFor(issued), "no request recorded");
        assertNull(fixtures.certificate(issued.certificateId()).getRevokedAt(), "still valid");
        assertEquals(RequestState.PENDING, Staff.asOperator(() -> pending.pending()).stream()
                .filter(r -> r.id() == requestId).findFirst().orElseThrow().state());
    }

    @Test
    void operatorMayCallEveryMethod() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        CertificateRef ref = ref(issued);
        long requestId = Staff.asOperator(() -> postal.record(ref, now.instant(), HOLDER, new UploadedScan("f.pdf", PDF),
                Fixtures.freshClientAddress())).id();
        Map<String, Staff.Work> methods = everyMethod(ref, requestId, Fixtures.freshClientAddress());
        methods.remove("PendingRequests.revoke");
        methods.remove("PhoneRequests.revoke");
        methods.remove("PostalRequests.record");
        for (Map.Entry<String, Staff.Work> method : methods.entrySet()) {
            Staff.asOperator(method.getValue());
        }
        assertNull(fixtures.certificate(issued.certificateId()).getRevokedAt(), "nothing revoked by looking");
    }

    @Test
    void phoneAnswersOnlyMatchOrNotAndTheOperatorRevokesForNonPaymentUnderTheirName() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        CertificateRef ref = ref(issued);
        String address = Fixtures.freshClientAddress();

        PhoneRequests.Call call = Staff.asOperator(() -> phone.open(ref));
        assertEquals(3, call.questions().size());
        assertFalse(call.toString().contains(Fixtures.ANSWERS.get(0)), "the stored answers are never given out");
        assertFalse(Staff.asOperator(() -> phone.check(ref, WRONG, address)));
        assertTrue(Staff.asOperator(() -> phone.check(ref, Fixtures.ANSWERS, address)));

        RequestOutcome outcome = Staff.asOperator(() -> phone.revoke(ref, Fixtures.ANSWERS, HOLDER, NON_PAYMENT, address));

        assertEquals(RevocationReason.NON_PAYMENT, outcome.receipt().reason());
        assertEquals(Staff.OPERATOR_LOGIN, outcome.request().recordedBy());
        assertEquals(Staff.OPERATOR_LOGIN, outcome.request().handledBy());
        assertEquals(RequestState.REVOKED, outcome.request().state());
        Certificate revoked = fixtures.certificate(issued.certificateId());
        assertEquals(RevocationReason.NON_PAYMENT, revoked.getRevocationReason());
        List<String> events = fixtures.auditEventsAbout(issued.serial());
        assertTrue(events.containsAll(List.of("REQUEST_ANSWERS_FAILED", "REQUEST_ANSWERS_MATCHED", "REQUEST_RECORDED",
                "REVOCATION", "REQUEST_REVOKED")), events.toString());
    }

    @Test
    void threeWrongAnswerSetsLockTheHolderAsOnTheirOwnPageAndMailThem() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        CertificateRef ref = ref(issued);
        String address = Fixtures.freshClientAddress();
        int mailsBefore = fixtures.mailsTo(issued.email()).size();

        assertFalse(Staff.asOperator(() -> phone.check(ref, WRONG, address)));
        assertFalse(Staff.asOperator(() -> phone.check(ref, WRONG, address)));
        assertThrows(LockedOutException.class, () -> Staff.asOperator(() -> phone.check(ref, WRONG, address)));

        assertTrue(Staff.asOperator(() -> phone.open(ref)).locked(), "the call page shows the lock");
        assertThrows(LockedOutException.class, () -> Staff.asOperator(() -> phone.check(ref, Fixtures.ANSWERS, address)),
                "the right answers are refused while locked");
        assertThrows(LockedOutException.class, () -> Staff.asOperator(
                () -> phone.revoke(ref, Fixtures.ANSWERS, HOLDER, NON_PAYMENT, address)));
        assertNull(fixtures.certificate(issued.certificateId()).getRevokedAt());
        assertEquals(mailsBefore + 1, fixtures.mailsTo(issued.email()).size(), "the holder is told of the lock");
        assertTrue(fixtures.auditEventsAbout(issued.serial()).contains("LOCKOUT"));
    }

    @Test
    void anUnresolvedCallIsKeptClosedWithItsReason() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();

        RequestSummary closed = Staff.asOperator(() -> phone.recordUnresolved(ref(issued), HOLDER,
                "Le correspondant ne connaît pas les réponses", Fixtures.freshClientAddress()));

        assertEquals(RequestState.CLOSED, closed.state());
        assertEquals("Le correspondant ne connaît pas les réponses", closed.closingReason());
        assertNull(fixtures.certificate(issued.certificateId()).getRevokedAt());
        assertThrows(RequestRefusedException.class, () -> Staff.asOperator(() -> phone.recordUnresolved(ref(issued), HOLDER,
                " ", Fixtures.freshClientAddress())), "a reason must be written");
    }

    @Test
    void scansThatAreEmptyNotPdfOrTooLargeAreRefusedAndNothingIsStored() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        CertificateRef ref = ref(issued);
        long largest = Staff.asOperator(() -> postal.limits()).largestScan();
        byte[] tooLarge = Arrays.copyOf(PDF, (int) largest + 1);
        Map<ScanRefusedException.Why, UploadedScan> refused = Map.of(
                ScanRefusedException.Why.EMPTY, new UploadedScan("vide.pdf", new byte[0]),
                ScanRefusedException.Why.NOT_PDF, new UploadedScan("photo.pdf", "\u00ff\u00d8\u00ff\u00e0 JFIF".getBytes(StandardCharsets.ISO_8859_1)),
                ScanRefusedException.Why.TOO_LARGE, new UploadedScan("gros.pdf", tooLarge));

        for (Map.Entry<ScanRefusedException.Why, UploadedScan> scan : refused.entrySet()) {
            ScanRefusedException e = assertThrows(ScanRefusedException.class, () -> Staff.asOperator(
                    () -> postal.record(ref, now.instant(), HOLDER, scan.getValue(), Fixtures.freshClientAddress())));
            assertEquals(scan.getKey(), e.why());
        }
        assertThrows(ScanRefusedException.class, () -> Staff.asOperator(
                () -> postal.record(ref, now.instant(), HOLDER, null, Fixtures.freshClientAddress())));
        assertEquals(0, requestsFor(issued), "nothing stored");
    }

    @Test
    void receiptDatesInTheFutureOrMonthsAgoAreRefused() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        CertificateRef ref = ref(issued);
        Instant today = now.instant();
        Duration oldest = Staff.asOperator(() -> postal.limits()).oldestReceipt();

        for (Instant received : List.of(today.plus(Duration.ofDays(1)), today.minus(oldest).minus(Duration.ofDays(1)))) {
            assertThrows(RequestRefusedException.class, () -> Staff.asOperator(() -> postal.record(ref, received, HOLDER,
                    new UploadedScan("f.pdf", PDF), Fixtures.freshClientAddress())), received.toString());
        }
        assertEquals(0, requestsFor(issued));
    }

    @Test
    void aPostalRequestRunsOnTheTwentyFourHourClockUntilAnOperatorRevokes() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        Instant received = now.instant().minus(Duration.ofHours(2));
        RequestSummary recorded = Staff.asOperator(() -> postal.record(ref(issued), received,
                new RequestedBy(Signatory.LEGAL_REPRESENTATIVE, "Rozenn Représentante"), new UploadedScan("lettre.pdf", PDF),
                Fixtures.freshClientAddress()));

        assertEquals(received.plus(Duration.ofHours(24)), recorded.dueAt());
        assertTrue(recorded.timeLeft().compareTo(Duration.ofHours(22)) <= 0
                && recorded.timeLeft().compareTo(Duration.ofHours(22).minusMinutes(5)) > 0, recorded.timeLeft().toString());
        clock.advance(Duration.ofHours(23));
        RequestSummary overdue = pendingOne(recorded.id());
        assertTrue(overdue.timeLeft().isNegative(), "overdue: " + overdue.timeLeft());
        List<Boolean> overdueFirst = Staff.asOperator(() -> pending.pending()).stream()
                .map(r -> r.timeLeft().isNegative()).toList();
        assertEquals(overdueFirst.stream().sorted((a, b) -> Boolean.compare(b, a)).toList(), overdueFirst,
                "overdue requests come first");

        StoredScan scan = Staff.asOperator(() -> pending.scan(recorded.id(), Fixtures.freshClientAddress()));
        assertArrayEquals(PDF, scan.content());
        RequestOutcome outcome = Staff.asOperator(() -> pending.revoke(recorded.id(), NON_PAYMENT, Fixtures.freshClientAddress()));

        assertEquals(RequestState.REVOKED, outcome.request().state());
        assertTrue(Staff.asOperator(() -> pending.pending()).stream().noneMatch(r -> r.id() == recorded.id()));
        assertThrows(RequestRefusedException.class, () -> Staff.asOperator(() -> pending.close(recorded.id(), "Doublon",
                Fixtures.freshClientAddress())), "a revoked request cannot be closed");
    }

    private RequestSummary pendingOne(long id) throws Exception {
        return Staff.asOperator(() -> pending.pending()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private CertificateRef ref(Fixtures.Issued issued) {
        return new CertificateRef(fixtures.certificate(issued.certificateId()).getAuthority().getAlias(), issued.serial());
    }

    private long requestsFor(Fixtures.Issued issued) {
        return em.createQuery("SELECT COUNT(r) FROM RevocationRequest r WHERE r.certificate.id = :id", Long.class)
                .setParameter("id", issued.certificateId()).getSingleResult();
    }
}
