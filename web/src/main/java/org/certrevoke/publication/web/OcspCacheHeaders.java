package org.certrevoke.publication.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.certrevoke.publication.control.OcspAnswer;
import org.certrevoke.publication.control.OcspProfile;

/**
 * The HTTP caching headers of an OCSP answer over GET (RFC 5019 §6.2, RFC 9654): a CDN or proxy may keep
 * a successful answer for {@code max-age} = the shorter of the time left until its nextUpdate and
 * {@code certrevoke.ocsp.http.max-age}, which bounds how long a relying party behind it may still be told
 * "good" after a revocation. {@code Last-Modified} is the answer's thisUpdate, {@code Expires} its
 * nextUpdate, {@code ETag} a digest of its bytes. Never {@code no-store}, {@code no-cache} or {@code Pragma}:
 * clients and caches would have to ask the origin for every use.
 */
@ApplicationScoped
public class OcspCacheHeaders {

    @Inject
    OcspProfile profile;

    @Inject
    Clock clock;

    /**
     * Sets the headers of a successful answer; true when the request's validators match it, and it is to be
     * answered 304 without a body.
     */
    boolean cacheable(HttpServletRequest request, HttpServletResponse response, OcspAnswer answer) {
        Instant nextUpdate = answer.producedAt().plus(profile.validity());
        Duration left = Duration.between(clock.instant(), nextUpdate);
        long maxAge = Math.max(0, Math.min(left.toSeconds(), profile.httpMaxAge().toSeconds()));
        String etag = etag(answer.der());
        long lastModified = answer.producedAt().toEpochMilli();
        response.setHeader("Cache-Control", "max-age=" + maxAge + ", public, no-transform, must-revalidate");
        response.setDateHeader("Last-Modified", lastModified);
        response.setDateHeader("Expires", nextUpdate.toEpochMilli());
        response.setHeader("ETag", etag);
        return Paths.notModified(request, etag, lastModified);
    }

    /** An unsuccessful answer (malformedRequest, unauthorized, tryLater) is not to be kept by any cache. */
    void refused(HttpServletResponse response) {
        response.setHeader("Cache-Control", "max-age=0, must-revalidate");
    }

    private static String etag(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
