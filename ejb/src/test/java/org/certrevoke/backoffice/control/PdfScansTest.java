package org.certrevoke.backoffice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.certrevoke.backoffice.entity.RevocationRequest.ScanFacts;
import org.certrevoke.platform.control.Sha256;
import org.junit.jupiter.api.Test;

class PdfScansTest {

    private static final int LARGEST = 64;

    private final PdfScans scans = new PdfScans();

    PdfScansTest() {
        scans.policy = new RequestPolicy();
        scans.policy.largestScan = LARGEST;
        scans.policy.deadline = Duration.ofHours(24);
        scans.policy.oldestReceipt = Duration.ofDays(90);
    }

    @Test
    void keepsAPdfReadFromItsContentWithItsSizeAndHash() {
        ScanFacts facts = scans.accept(new UploadedScan("scan.jpg", bytes("%PDF-1.7\n%%EOF\n")));

        assertEquals("application/pdf", facts.contentType());
        assertEquals(15, facts.size());
        assertEquals("scan.jpg", facts.fileName());
        assertEquals(Sha256.hex(bytes("%PDF-1.7\n%%EOF\n")), facts.sha256());
        assertEquals(64, facts.sha256().length());
    }

    @Test
    void refusesWhatIsNotAPdfWhateverItsName() {
        for (String content : new String[] {"%PDF", " %PDF-1.4", "%pdf-1.4", "GIF89a", "<html>%PDF-</html>"}) {
            ScanRefusedException refused = assertThrows(ScanRefusedException.class,
                    () -> scans.accept(new UploadedScan("form.pdf", bytes(content))), content);
            assertEquals(ScanRefusedException.Why.NOT_PDF, refused.why(), content);
        }
    }

    @Test
    void refusesEmptyAndTooLargeScans() {
        assertEquals(ScanRefusedException.Why.EMPTY,
                assertThrows(ScanRefusedException.class, () -> scans.accept(new UploadedScan("a.pdf", new byte[0]))).why());
        assertEquals(ScanRefusedException.Why.EMPTY,
                assertThrows(ScanRefusedException.class, () -> scans.accept(new UploadedScan("a.pdf", null))).why());
        assertEquals(ScanRefusedException.Why.EMPTY,
                assertThrows(ScanRefusedException.class, () -> scans.accept(null)).why());
        ScanRefusedException tooLarge = assertThrows(ScanRefusedException.class,
                () -> scans.accept(new UploadedScan("a.pdf", bytes("%PDF-" + "x".repeat(LARGEST - 4)))));
        assertEquals(ScanRefusedException.Why.TOO_LARGE, tooLarge.why());
        assertEquals(LARGEST, tooLarge.largest());
        assertEquals(LARGEST, scans.accept(new UploadedScan("a.pdf", bytes("%PDF-" + "x".repeat(LARGEST - 5)))).size());
    }

    @Test
    void keepsOnlyAHarmlessBaseNameOfTheFile() {
        assertEquals("formulaire _signé_.pdf", PdfScans.displayName("C:\\Scans\\formulaire <signé>.pdf"));
        assertEquals("x.pdf", PdfScans.displayName("../../etc/x.pdf"));
        assertEquals("a_b.pdf", PdfScans.displayName("a\"b.pdf"));
        assertNull(PdfScans.displayName("dir/"));
        assertNull(PdfScans.displayName(null));
        assertEquals(100, PdfScans.displayName("n".repeat(300) + ".pdf").length());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
