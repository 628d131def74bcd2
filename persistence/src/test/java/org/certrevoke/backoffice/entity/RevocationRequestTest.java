package org.certrevoke.backoffice.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.certrevoke.backoffice.entity.RequestRefusedException.Why;
import org.junit.jupiter.api.Test;

class RevocationRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final RevocationRequest.ScanFacts SCAN =
            new RevocationRequest.ScanFacts("form.pdf", "application/pdf", 1234, "ab".repeat(32));

    @Test
    void phoneRequestClockStartsWhenRecorded() {
        RevocationRequest request = RevocationRequest.byPhone(null, Signatory.HOLDER, " Gwenaël Porteur ", "op", NOW, DAY);

        assertEquals(RequestState.PENDING, request.getState());
        assertEquals(NOW, request.getReceivedAt());
        assertEquals(NOW.plus(DAY), request.getDueAt());
        assertEquals("Gwenaël Porteur", request.getSignatoryName());
        assertFalse(request.hasScan());
    }

    @Test
    void postalRequestClockStartsWhenTheLetterArrived() {
        Instant arrived = NOW.minus(Duration.ofHours(30));
        RevocationRequest request = RevocationRequest.byPost(null, arrived, Signatory.LEGAL_REPRESENTATIVE, "Anne",
                SCAN, "op", NOW, DAY);

        assertEquals(arrived.plus(DAY), request.getDueAt());
        assertEquals(Duration.ofHours(-6), request.timeLeft(NOW));
        assertTrue(request.isOverdueAt(NOW));
        assertTrue(request.hasScan());
        assertEquals(1234L, request.getScanSize());
    }

    @Test
    void overdueOnlyAfterTheDeadlineAndOnlyWhilePending() {
        RevocationRequest request = RevocationRequest.byPhone(null, Signatory.HOLDER, "H", "op", NOW, DAY);

        assertFalse(request.isOverdueAt(NOW.plus(DAY)));
        assertTrue(request.isOverdueAt(NOW.plus(DAY).plusSeconds(1)));
        request.revoked(NOW.plus(DAY).plusSeconds(2), "op2");
        assertFalse(request.isOverdueAt(NOW.plus(DAY).plusSeconds(3)));
        assertEquals("op2", request.getHandledBy());
    }

    @Test
    void refusesALetterReceivedInTheFuture() {
        RequestRefusedException refused = assertThrows(RequestRefusedException.class, () -> RevocationRequest.byPost(
                null, NOW.plusSeconds(1), Signatory.HOLDER, "H", SCAN, "op", NOW, DAY));
        assertEquals(Why.RECEIVED_IN_FUTURE, refused.why());
    }

    @Test
    void refusesARequestWithoutSignatory() {
        assertEquals(Why.SIGNATORY_REQUIRED, assertThrows(RequestRefusedException.class,
                () -> RevocationRequest.byPhone(null, Signatory.HOLDER, "  ", "op", NOW, DAY)).why());
        assertEquals(Why.SIGNATORY_REQUIRED, assertThrows(RequestRefusedException.class,
                () -> RevocationRequest.byPhone(null, null, "H", "op", NOW, DAY)).why());
        assertEquals(Why.SIGNATORY_TOO_LONG, assertThrows(RequestRefusedException.class,
                () -> RevocationRequest.byPhone(null, Signatory.HOLDER, "x".repeat(201), "op", NOW, DAY)).why());
    }

    @Test
    void closingNeedsAWrittenReason() {
        RevocationRequest request = RevocationRequest.byPhone(null, Signatory.HOLDER, "H", "op", NOW, DAY);

        assertEquals(Why.CLOSING_REASON_REQUIRED, assertThrows(RequestRefusedException.class,
                () -> request.close(" \n ", NOW, "op")).why());
        assertEquals(Why.CLOSING_REASON_TOO_LONG, assertThrows(RequestRefusedException.class,
                () -> request.close("x".repeat(2001), NOW, "op")).why());
        assertEquals(RequestState.PENDING, request.getState());
        assertNull(request.getClosedAt());

        request.close("  Caller could not answer; told to send the form  ", NOW, "op");
        assertEquals(RequestState.CLOSED, request.getState());
        assertEquals("Caller could not answer; told to send the form", request.getClosingReason());
        assertEquals(NOW, request.getClosedAt());
    }

    @Test
    void isHandledOnlyOnce() {
        RevocationRequest request = RevocationRequest.byPhone(null, Signatory.HOLDER, "H", "op", NOW, DAY);
        request.close("duplicate of an earlier call", NOW, "op");

        assertEquals(Why.NOT_PENDING, assertThrows(RequestRefusedException.class,
                () -> request.revoked(NOW, "op")).why());
        assertEquals(Why.NOT_PENDING, assertThrows(RequestRefusedException.class,
                () -> request.close("again", NOW, "op")).why());
        assertEquals(RequestState.CLOSED, request.getState());
    }
}
