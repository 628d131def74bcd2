package org.certrevoke.revocation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.notification.entity.OutboxMail;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.revocation.control.UnknownCertificateException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one place where certificates are revoked, inside the server against the real database: only
 * there do row locks, the EJB transaction and the events that write audit and mail meet, and only
 * there can "one wins, the others are told it is already revoked" be seen to hold.
 */
@ExtendWith(ArquillianExtension.class)
class RevocationsIT {

    private static final int CALLERS = 20;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(RevocationsIT.class, Fixtures.class);
    }

    @Inject
    Revocations revocations;

    @Inject
    Fixtures fixtures;

    @Test
    void twentyConcurrentRevocationsOfOneCertificateGiveOneRevocationOneAuditRecordOneMail() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<RevocationReceipt>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                String clientAddress = "198.51.100." + (i + 1);
                outcomes.add(callers.submit(() -> {
                    start.await();
                    return revokeForKeyCompromise(issued, clientAddress);
                }));
            }
            start.countDown();
            int revoked = 0;
            int refusedAsRevoked = 0;
            List<Throwable> unexpected = new ArrayList<>();
            for (Future<RevocationReceipt> outcome : outcomes) {
                try {
                    outcome.get(60, TimeUnit.SECONDS);
                    revoked++;
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof RevocationRefusedException refused
                            && refused.getState() == CertificateState.REVOKED) {
                        refusedAsRevoked++;
                    } else {
                        unexpected.add(failed.getCause());
                    }
                }
            }
            assertEquals(List.of(), unexpected, "every caller either revokes or is told it is already revoked");
            assertEquals(1, revoked, "revocations that succeeded");
            assertEquals(CALLERS - 1, refusedAsRevoked, "revocations refused as already revoked");
        } finally {
            callers.shutdownNow();
        }

        assertEquals(List.of("REVOCATION"), fixtures.auditEventsAbout(issued.serial()));
        assertEquals(1, fixtures.mailsTo(issued.email()).size(), "mails to the holder");
        Certificate stored = fixtures.certificate(issued.certificateId());
        assertTrue(stored.isRevoked());
        assertEquals(RevocationReason.KEY_COMPROMISE, stored.getRevocationReason());
        assertEquals(CrlReason.KEY_COMPROMISE, stored.getCrlReason());
    }

    @Test
    void refusesSecondRevocation() {
        Fixtures.Issued issued = fixtures.validCertificate();
        RevocationReceipt first = revokeForKeyCompromise(issued, "198.51.100.21");

        RevocationRefusedException refused = assertThrows(RevocationRefusedException.class,
                () -> revocations.revoke(issued.certificateId(), RevocationReason.CERTIFICATE_REPLACEMENT,
                        CrlReason.SUPERSEDED, Requester.holder(issued.holderName()), "198.51.100.22"));

        assertEquals(CertificateState.REVOKED, refused.getState());
        assertEquals(List.of("REVOCATION"), fixtures.auditEventsAbout(issued.serial()));
        List<OutboxMail> mails = fixtures.mailsTo(issued.email());
        assertEquals(1, mails.size(), "mails to the holder");
        assertTrue(mails.get(0).getSubject().contains(issued.serial()), mails.get(0).getSubject());
        Certificate stored = fixtures.certificate(issued.certificateId());
        assertEquals(first.revokedAt(), stored.getRevokedAt());
        assertEquals(RevocationReason.KEY_COMPROMISE, stored.getRevocationReason());
        assertEquals(CrlReason.KEY_COMPROMISE, stored.getCrlReason());
    }

    @Test
    void unknownCertificateIsRefused() {
        assertThrows(UnknownCertificateException.class,
                () -> revocations.revoke(-1L, RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE,
                        Requester.holder("Personne Inconnue"), "198.51.100.23"));
    }

    private RevocationReceipt revokeForKeyCompromise(Fixtures.Issued issued, String clientAddress) {
        return revocations.revoke(issued.certificateId(), RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE,
                Requester.holder(issued.holderName()), clientAddress);
    }
}
