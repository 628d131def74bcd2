package org.certrevoke.audit.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * The first place where the chain does not hold. {@code recordId} is the record that is wrong (or, for a
 * deleted record, the first one missing or the one that follows the gap); {@code recordedAt} is unknown
 * when that record is gone; {@code otherId} is the record it was checked against.
 */
public record ChainBreak(long recordId, Instant recordedAt, Problem problem, long otherId) implements Serializable {

    public enum Problem {
        /** Its hash no longer matches its content: the record was edited. */
        EDITED,
        /** Records between {@code otherId} and this one are missing: deleted. */
        MISSING_PREDECESSOR,
        /** Its previous hash is not the hash of record {@code otherId}: inserted or replaced. */
        UNLINKED,
        /** It lies before the first record or after the head ({@code otherId}): inserted. */
        OUTSIDE_CHAIN,
        /** The head points at this record, which is missing: the end of the log was deleted. */
        HEAD_RECORD_MISSING,
        /** The head's hash is not this last record's hash: the head or the record was rewritten. */
        HEAD_MISMATCH
    }
}
