package org.certrevoke.backoffice.control;

import java.io.Serializable;
import java.util.List;

/** The certificates found, and whether there were more than could be shown (the search is then too wide). */
public record SearchResult(List<FoundCertificate> certificates, boolean truncated) implements Serializable {
}
