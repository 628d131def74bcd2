package org.certrevoke.backoffice.control;

/** A file as the operator's browser sent it: nothing in it is trusted, the name least of all. */
public record UploadedScan(String fileName, byte[] content) {
}
