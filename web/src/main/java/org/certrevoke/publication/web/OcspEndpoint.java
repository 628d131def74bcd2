package org.certrevoke.publication.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import org.certrevoke.publication.control.OcspAnswer;
import org.certrevoke.publication.control.OcspResponder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OCSP responder (RFC 6960 appendix A): POST with an {@code application/ocsp-request} body, or GET
 * with the base64 request in the path. Bodies above the configured size are not read further and are
 * answered malformedRequest, like anything that is not an OCSP request. GET exists for HTTP caches: its
 * answers carry the headers of RFC 5019 §6.2 ({@link OcspCacheHeaders}) and a conditional GET is
 * answered 304; POST answers carry none (caches do not keep them).
 * <p>
 * The hot path of the application: it calls the responder directly (no EJB, transaction or security
 * interceptor) and creates no session; a request that needs no database (a repeated one without nonce, or
 * one for certificates whose status is known) is answered before it even gets here, by {@link OcspFastPath}.
 */
@WebServlet(urlPatterns = {"/ocsp", "/ocsp/*"}, loadOnStartup = 1)
public class OcspEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    OcspResponder responder;

    @Inject
    OcspCacheHeaders cacheHeaders;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.max-request-bytes", defaultValue = "10000")
    int maxRequestBytes;

    /** Lets {@link OcspFastPath} answer requests that need no database before they reach this servlet. */
    @Override
    public void init() {
        Function<byte[], byte[]> fromMemory = responder::respondFromMemory;
        getServletContext().setAttribute(OcspFastPath.MAX_REQUEST_BYTES, maxRequestBytes);
        getServletContext().setAttribute(OcspFastPath.FROM_MEMORY, fromMemory);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = read(request);
        answer(response, body == null ? OcspResponder.malformed() : responder.respond(body).der());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String encoded = path.startsWith("/ocsp/") ? path.substring("/ocsp/".length()) : "";
        byte[] der;
        try {
            der = encoded.isEmpty() || encoded.length() > maxRequestBytes * 2 ? null
                    : Base64.getDecoder().decode(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notBase64) {
            der = null;
        }
        if (der == null) {
            cacheHeaders.refused(response);
            answer(response, OcspResponder.malformed());
            return;
        }
        OcspAnswer answer = responder.respond(der);
        if (!answer.successful()) {
            cacheHeaders.refused(response);
        } else if (cacheHeaders.cacheable(request, response, answer)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        answer(response, answer.der());
    }

    private byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            int declared = (int) request.getContentLengthLong();
            if (declared >= 0) {
                byte[] body = in.readNBytes(declared);
                return body.length == declared && in.read() < 0 ? body : null;
            }
            byte[] body = in.readNBytes(maxRequestBytes + 1);
            return body.length > maxRequestBytes ? null : body;
        }
    }

    private static void answer(HttpServletResponse response, byte[] ocspResponse) throws IOException {
        response.setContentType("application/ocsp-response");
        response.setContentLength(ocspResponse.length);
        response.getOutputStream().write(ocspResponse);
    }
}
