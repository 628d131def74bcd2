package org.certrevoke.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateTest {

    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2029-01-01T00:00:00Z");

    private final Certificate certificate = new Certificate(null, null, CertificateType.SIGNATURE,
            new Certificate.Parsed("1a2b", "CN=CA", "CN=Holder", "", NOT_BEFORE, NOT_AFTER, new byte[] {1}));

    @Test
    void isValidBetweenItsDatesAndExpiredAfter() {
        assertEquals(CertificateState.VALID, certificate.stateAt(NOT_AFTER));
        assertEquals(CertificateState.EXPIRED, certificate.stateAt(NOT_AFTER.plusSeconds(1)));
    }

    @Test
    void revocationRecordsWhenWhyAndWho() {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        certificate.revoke(at, RevocationReason.DEPARTURE_OR_TRANSFER, CrlReason.AFFILIATION_CHANGED,
                new Requester(Requester.Kind.LEGAL_REPRESENTATIVE, "Anne Kerouac"));
        assertEquals(CertificateState.REVOKED, certificate.stateAt(at));
        assertEquals(at, certificate.getRevokedAt());
        assertEquals(CrlReason.AFFILIATION_CHANGED, certificate.getCrlReason());
        assertEquals(Requester.Kind.LEGAL_REPRESENTATIVE, certificate.getRequester().getKind());
    }

    @Test
    void refusesSecondRevocation() {
        Instant first = Instant.parse("2026-11-21T10:00:00Z");
        certificate.revoke(first, RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE, Requester.holder("H"));
        RevocationRefusedException refused = assertThrows(RevocationRefusedException.class, () -> certificate.revoke(
                first.plusSeconds(60), RevocationReason.HOLDER_REQUEST, CrlReason.UNSPECIFIED, Requester.holder("H")));
        assertEquals(CertificateState.REVOKED, refused.getState());
        assertEquals(first, certificate.getRevokedAt(), "the first revocation stands");
        assertEquals(RevocationReason.KEY_COMPROMISE, certificate.getRevocationReason());
    }

    @Test
    void refusesToRevokeAnExpiredCertificate() {
        RevocationRefusedException refused = assertThrows(RevocationRefusedException.class, () -> certificate.revoke(
                NOT_AFTER.plusSeconds(1), RevocationReason.HOLDER_REQUEST, CrlReason.UNSPECIFIED, Requester.holder("H")));
        assertEquals(CertificateState.EXPIRED, refused.getState());
        assertTrue(!certificate.isRevoked());
    }

    @Test
    void invalidityDateBelongsToARevocationAndPrecedesIt() {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        assertThrows(IllegalStateException.class, () -> certificate.invalidSince(at));
        certificate.revoke(at, RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE,
                new Requester(Requester.Kind.REGISTRATION_AUTHORITY, "api-key:1234abcd"));
        assertThrows(IllegalStateException.class, () -> certificate.invalidSince(at.plusSeconds(1)));
        certificate.invalidSince(at.minusSeconds(3600));
        assertEquals(at.minusSeconds(3600), certificate.getInvalidityDate());
    }
}
