package org.certrevoke.publication.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the CA alias out of {@code /crl/{alias}.crl} and {@code /ca/{alias}.crt}, and conditional GETs. */
final class Paths {

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Paths() {
    }

    static Optional<String> alias(HttpServletRequest request, String suffix) {
        String path = request.getPathInfo();
        if (path == null || !path.startsWith("/") || !path.endsWith(suffix)) {
            return Optional.empty();
        }
        String alias = path.substring(1, path.length() - suffix.length());
        return ALIAS.matcher(alias).matches() ? Optional.of(alias) : Optional.empty();
    }

    static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.equals("*") || ifNoneMatch.contains(etag);
        }
        try {
            long since = request.getDateHeader("If-Modified-Since");
            return since >= 0 && lastModified / 1000 <= since / 1000;
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }
}
