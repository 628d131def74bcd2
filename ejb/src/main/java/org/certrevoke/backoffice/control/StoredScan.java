package org.certrevoke.backoffice.control;

/** A stored scan, on its way to the operator who downloads it. */
public record StoredScan(long requestId, String contentType, String sha256, byte[] content) {

    /** A name built from our own data only, safe in a Content-Disposition header. */
    public String downloadName() {
        return "demande-" + requestId + ".pdf";
    }
}
