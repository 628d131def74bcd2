package org.certrevoke.publication.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.certrevoke.platform.control.DatabaseOutage;
import org.certrevoke.publication.boundary.Publication;
import org.certrevoke.web.Unavailable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /crl/{alias}.crl}: the CA's latest CRL in DER. Caches may keep it for
 * {@code certrevoke.crl.http.max-age} (by default the check interval, the time a revocation takes to reach
 * a new CRL), never beyond its nextUpdate: a CRL is valid until its nextUpdate, but a cache that kept it
 * that long would hide a day of revocations. A client holding the current one (ETag = CRL number) gets
 * 304 without the body. The bytes are read from the database once per CRL number ({@link LastCrls} keeps
 * them); a request asks the database only for the latest number, and not at all within a second of the
 * last time it did. While the database
 * is out of reach, the last CRL served ({@link LastCrls}) is served as long as it is valid; after its
 * nextUpdate, 503 with Retry-After.
 */
@WebServlet("/crl/*")
public class CrlEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Publication publication;

    @Inject
    LastCrls lastCrls;

    @Inject
    Unavailable unavailable;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "certrevoke.crl.http.max-age")
    Optional<Duration> httpMaxAge;

    @Inject
    @ConfigProperty(name = "certrevoke.crl.check-interval", defaultValue = "PT15S")
    Duration checkInterval;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> alias = Paths.alias(request, ".crl");
        if (alias.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<LastCrls.Copy> crl = lastCrls.confirmed(alias.get());
        try {
            if (crl.isEmpty()) {
                crl = latest(alias.get());
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            crl = lastCrls.last(alias.get()).filter(last -> clock.instant().isBefore(last.nextUpdate()));
            if (crl.isEmpty()) {
                unavailable.noted(e, "CRL of " + alias.get());
                response.setHeader("Retry-After", unavailable.retryAfterSeconds());
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        }
        if (crl.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        serve(crl.get(), request, response);
    }

    /** The latest CRL: the bytes kept for its number, or else read (with its number) from the database. */
    private Optional<LastCrls.Copy> latest(String alias) {
        Optional<Publication.CrlHead> head = publication.latestCrl(alias);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Optional<LastCrls.Copy> kept = lastCrls.confirm(alias, head.get().number());
        return kept.isPresent() ? kept : publication.crl(alias).map(published -> lastCrls.keep(alias, published));
    }

    private void serve(LastCrls.Copy crl, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String etag = "\"" + crl.number() + "\"";
        long lastModified = crl.thisUpdate().toEpochMilli();
        Instant now = clock.instant();
        long maxAge = Math.max(0, Math.min(Duration.between(now, crl.nextUpdate()).toSeconds(),
                httpMaxAge.orElse(checkInterval).toSeconds()));
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModified);
        response.setHeader("Cache-Control", "max-age=" + maxAge + ", public, no-transform, must-revalidate");
        response.setDateHeader("Expires", now.plusSeconds(maxAge).toEpochMilli());
        if (Paths.notModified(request, etag, lastModified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("application/pkix-crl");
        response.setContentLength(crl.der().length);
        response.getOutputStream().write(crl.der());
    }
}
