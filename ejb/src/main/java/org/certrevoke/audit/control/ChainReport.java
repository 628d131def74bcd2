package org.certrevoke.audit.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * The outcome of checking the whole chain: how many records held, up to which one, and the first
 * break if there is one.
 */
public record ChainReport(long records, long lastId, Instant lastRecordedAt, ChainBreak firstBreak)
        implements Serializable {

    public boolean intact() {
        return firstBreak == null;
    }

    /** For the audit record of the verification itself. */
    public String summary() {
        return intact() ? "intact records=" + records + " last=" + lastId
                : "broken record=" + firstBreak.recordId() + " problem=" + firstBreak.problem() + " other="
                        + firstBreak.otherId() + " checked=" + records;
    }
}
