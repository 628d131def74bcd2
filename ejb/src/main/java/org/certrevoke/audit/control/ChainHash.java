package org.certrevoke.audit.control;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certrevoke.platform.control.Sha256;

/**
 * The hash that links a record to its predecessor. Fields are length-prefixed so that moving text
 * from one field to the next changes the hash.
 */
public final class ChainHash {

    private ChainHash() {
    }

    public static String of(String previousHash, long id, Instant recordedAt, AuditEvent event) {
        return of(previousHash, id, recordedAt, event.type().name(), event.actor(), event.clientAddress(),
                event.certificateSerial(), event.details());
    }

    /** The same from the stored columns, as the verifier reads them back (the event by its name). */
    public static String of(String previousHash, long id, Instant recordedAt, String event, String actor,
                            String clientAddress, String certificateSerial, String details) {
        String canonical = Stream.of(previousHash, Long.toString(id), recordedAt.toString(), event,
                        actor, clientAddress, certificateSerial, details)
                .map(field -> field == null ? "-1:" : field.length() + ":" + field)
                .collect(Collectors.joining("|"));
        return Sha256.hex(canonical);
    }
}
