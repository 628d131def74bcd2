package org.certrevoke.publication.control;

import java.time.Instant;

/**
 * An encoded OCSPResponse and, for a successful one, when it was produced (its thisUpdate, whole seconds):
 * what an HTTP cache needs to know how long it may keep it.
 */
public record OcspAnswer(byte[] der, Instant producedAt) {

    /** An unsuccessful answer (malformedRequest, unauthorized, tryLater…), which carries no dates. */
    static OcspAnswer status(byte[] der) {
        return new OcspAnswer(der, null);
    }

    public boolean successful() {
        return producedAt != null;
    }
}
