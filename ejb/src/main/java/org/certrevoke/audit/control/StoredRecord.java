package org.certrevoke.audit.control;

import java.time.Instant;

/** One audit record as the verifier reads it back: every hashed column and both hashes. */
public record StoredRecord(long id, Instant recordedAt, String event, String actor, String clientAddress,
                           String certificateSerial, String details, String previousHash, String hash) {

    /** What the hash must be if nothing in the record changed since it was written. */
    public String expectedHash() {
        return ChainHash.of(previousHash, id, recordedAt, event, actor, clientAddress, certificateSerial, details);
    }
}
