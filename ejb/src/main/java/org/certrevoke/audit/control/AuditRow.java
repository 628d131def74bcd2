package org.certrevoke.audit.control;

import java.io.Serializable;
import java.time.Instant;

/** One record as the auditor's table shows it; the hashes stay with the verifier. */
public record AuditRow(long id, Instant recordedAt, String event, String actor, String clientAddress,
                       String certificateSerial, String details) implements Serializable {
}
