package org.certrevoke.publication.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where one CA's CRL stands. {@code crlNumber}, the dates and {@code entries} are those of the latest
 * CRL, empty when none was ever issued; {@code overdue} when that CRL is past its nextUpdate or missing,
 * which relying parties treat as an unknown status.
 */
public record CrlState(String alias, String subjectDn, Long crlNumber, Instant thisUpdate, Instant nextUpdate,
                       Long entries, boolean overdue, String url) implements Serializable {

    public boolean issued() {
        return thisUpdate != null;
    }
}
