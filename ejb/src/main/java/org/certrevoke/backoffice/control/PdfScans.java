package org.certrevoke.backoffice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.certrevoke.backoffice.entity.RevocationRequest.ScanFacts;
import org.certrevoke.platform.control.Sha256;

/**
 * Decides whether an uploaded scan is kept. The type is read from the content (a PDF starts with
 * {@code %PDF-}), never from the file name or the type the browser claims; only PDF is kept.
 */
@ApplicationScoped
public class PdfScans {

    public static final String CONTENT_TYPE = "application/pdf";

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final int LONGEST_NAME = 100;

    @Inject
    RequestPolicy policy;

    public ScanFacts accept(UploadedScan scan) {
        long largest = policy.limits().largestScan();
        byte[] content = scan == null ? null : scan.content();
        if (content == null || content.length == 0) {
            throw new ScanRefusedException(ScanRefusedException.Why.EMPTY, largest);
        }
        if (content.length > largest) {
            throw new ScanRefusedException(ScanRefusedException.Why.TOO_LARGE, largest);
        }
        if (content.length < MAGIC.length || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ScanRefusedException(ScanRefusedException.Why.NOT_PDF, largest);
        }
        return new ScanFacts(displayName(scan.fileName()), CONTENT_TYPE, content.length, Sha256.hex(content));
    }

    /** The name as the operator knew the file, for the list only: letters, digits and a few signs. */
    static String displayName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String cleaned = base.replaceAll("[^\\p{L}\\p{N}._ ()-]", "_").strip();
        return cleaned.isEmpty() ? null : cleaned.substring(0, Math.min(cleaned.length(), LONGEST_NAME));
    }

}
