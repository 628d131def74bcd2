package org.certrevoke.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RevocationReasonTest {

    @Test
    void mapsEveryReasonToItsRfc5280Code() {
        Map<RevocationReason, Integer> expected = Map.ofEntries(
                Map.entry(RevocationReason.PASSWORD_LOST, 5),
                Map.entry(RevocationReason.KEY_COMPROMISE, 1),
                Map.entry(RevocationReason.HOLDER_REQUEST, 0),
                Map.entry(RevocationReason.HOLDER_INFORMATION_UPDATE, 3),
                Map.entry(RevocationReason.OLD_KEYS_OVERWRITTEN, 4),
                Map.entry(RevocationReason.INCORRECT_NAME, 4),
                Map.entry(RevocationReason.WRONG_KEY_SIZE, 4),
                Map.entry(RevocationReason.DEFECTIVE_CERTIFICATE, 4),
                Map.entry(RevocationReason.CERTIFICATE_REPLACEMENT, 4),
                Map.entry(RevocationReason.NON_PAYMENT, 9),
                Map.entry(RevocationReason.DEPARTURE_OR_TRANSFER, 3));
        assertEquals(RevocationReason.values().length, expected.size());
        expected.forEach((reason, code) -> assertEquals(code, reason.crlReason(false).code(), reason.name()));
    }

    @Test
    void lostPasswordThatSomeoneElseMayKnowIsAKeyCompromise() {
        assertEquals(CrlReason.KEY_COMPROMISE, RevocationReason.PASSWORD_LOST.crlReason(true));
        assertEquals(CrlReason.CESSATION_OF_OPERATION, RevocationReason.PASSWORD_LOST.crlReason(false));
        assertEquals(CrlReason.SUPERSEDED, RevocationReason.INCORRECT_NAME.crlReason(true), "only a lost password asks");
        assertTrue(RevocationReason.PASSWORD_LOST.asksWhetherOthersKnowPassword());
        assertFalse(RevocationReason.KEY_COMPROMISE.asksWhetherOthersKnowPassword());
    }

    @Test
    void holdersAndRepresentativesAreNeverOfferedNonPayment() {
        assertFalse(RevocationReason.offeredToHoldersAndRepresentatives().contains(RevocationReason.NON_PAYMENT));
        assertEquals(RevocationReason.values().length - 1, RevocationReason.offeredToHoldersAndRepresentatives().size());
    }
}
