package org.certrevoke.revocation.control;

/**
 * A generated PDF and the name it is saved under: letters, digits and dashes only, ending in .pdf.
 * The bytes are copied on the way out, as the blank forms are shared by every caller.
 */
public record PdfDocument(String fileName, byte[] content) {

    public PdfDocument {
        if (!fileName.matches("[A-Za-z0-9-]{1,120}\\.pdf")) {
            throw new IllegalArgumentException("unsafe file name");
        }
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
