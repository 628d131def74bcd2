package org.certrevoke.publication.control;

import java.util.List;

/** A CRL was issued without some revoked certificates, whose rows could not be listed; fired in its transaction. */
public record CrlEntriesSkipped(String authorityAlias, long crlNumber, List<SkippedRow> rows) {
}
