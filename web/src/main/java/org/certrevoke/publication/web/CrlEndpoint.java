package org.certrevoke.publication.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.certrevoke.publication.boundary.Publication;
import org.certrevoke.publication.entity.PublishedCrl;

/**
 * {@code GET /crl/{alias}.crl}: the CA's latest CRL in DER. Caches may keep it until its nextUpdate,
 * and a client holding the current one (ETag = CRL number) gets 304 without the body.
 */
@WebServlet("/crl/*")
public class CrlEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Publication publication;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PublishedCrl> crl = Paths.alias(request, ".crl").flatMap(publication::crl);
        if (crl.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + crl.get().getCrlNumber() + "\"";
        long lastModified = crl.get().getThisUpdate().toEpochMilli();
        long maxAge = Math.max(0, Duration.between(clock.instant(), crl.get().getNextUpdate()).toSeconds());
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModified);
        response.setHeader("Cache-Control", "public, max-age=" + maxAge);
        response.setDateHeader("Expires", crl.get().getNextUpdate().toEpochMilli());
        if (Paths.notModified(request, etag, lastModified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] der = crl.get().getDer();
        response.setContentType("application/pkix-crl");
        response.setContentLength(der.length);
        response.getOutputStream().write(der);
    }
}
