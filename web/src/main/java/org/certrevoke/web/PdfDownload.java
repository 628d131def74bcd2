package org.certrevoke.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.certrevoke.revocation.control.PdfDocument;

/**
 * How a generated PDF leaves the server: saved, not shown inline, never cached (it may carry a
 * holder's data), under a name of letters, digits and dashes. The security headers come from
 * {@link SecurityHeaders} like every other response.
 */
public final class PdfDownload {

    private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,64}");

    private PdfDownload() {
    }

    /** The language the page that links here was shown in ({@code lang=en}); French otherwise. */
    public static Locale locale(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** The {@code serial} parameter if it can be a serial at all; anything else is answered as unknown. */
    public static boolean wellFormedSerial(String serial) {
        return serial != null && SERIAL.matcher(serial).matches();
    }

    public static void send(HttpServletResponse response, PdfDocument pdf) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"");
        response.setHeader("Cache-Control", "no-store");
        byte[] content = pdf.content();
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
