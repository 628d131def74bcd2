package org.certrevoke.enterprise.control;

import java.util.List;

/** One page of results and how many there are in all, for the paginator. */
public record CertificatePage(List<CertificateRow> rows, long total) implements java.io.Serializable {
}
