package org.certrevoke.registry.api;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. The type is a stable URN per cause, so the issuing system can branch on
 * it; {@code detail} is for the human reading the log. The state and revocation members only appear when
 * a revocation is refused: the revocation on record, or the expiry that left none.
 */
public record Problem(String type, String title, int status, String detail, String state, String revokedAt,
                      String reason, Integer crlReason) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:certrevoke:problem:";

    public static Problem of(Response.StatusType status, String slug, String title, String detail) {
        return of(status.getStatusCode(), slug, title, detail);
    }

    /** For statuses {@link Response.Status} has no constant for, such as 422. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
