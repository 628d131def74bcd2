package org.certrevoke.registry.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.certrevoke.platform.control.DatabaseOutage;
import org.certrevoke.web.Unavailable;

/**
 * Whatever else goes wrong still answers with a problem document: unreadable JSON, a body cut off at the
 * size limit, an unknown path, the database out of reach (503 with Retry-After, one log line: the caller
 * may simply try again), or a fault of ours (logged, never described to the caller).
 */
@Provider
public class Failures implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    @Inject
    Unavailable unavailable;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedStream.BodyTooLargeException) {
                return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Body too large",
                        "The body exceeds the size limit.").toResponse();
            }
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            boolean unreadable = web.getResponse().getStatus() == 400;
            return Problem.of(status, unreadable ? "malformed-json" : "http-" + status.getStatusCode(),
                    status.getReasonPhrase(), unreadable ? "The body is not the JSON this call expects." : null)
                    .toResponse();
        }
        if (failure instanceof ProcessingException) {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body is not the JSON this call expects.").toResponse();
        }
        if (DatabaseOutage.causedBy(failure)) {
            unavailable.noted(failure, "API " + request.getMethod() + " " + request.getRequestURI());
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "service-unavailable",
                            "Service unavailable", "The service cannot answer for a moment; nothing was changed."
                                    + " Try again later.").toResponse())
                    .header("Retry-After", unavailable.retryAfterSeconds()).build();
        }
        LOG.log(Level.SEVERE, "API call failed", failure);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The call failed on our side; it was logged.").toResponse();
    }
}
