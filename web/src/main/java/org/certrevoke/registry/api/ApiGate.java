package org.certrevoke.registry.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, before any resource runs, a caller without one of the admin's keys and a body larger than
 * any registration needs. The body limit is checked on the declared length and again while reading,
 * so a chunked upload cannot get around it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiGate implements ContainerRequestFilter {

    static final String CALLER = "certrevoke.api.caller";
    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeys keys;

    @Inject
    @ConfigProperty(name = "certrevoke.api.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> caller = authorization != null && authorization.startsWith(BEARER)
                ? keys.caller(authorization.substring(BEARER.length()).strip())
                : Optional.empty();
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized",
                            "Authentication required",
                            authorization == null ? "No credentials were given." : "The credentials were not accepted.")
                    .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"certrevoke\"").build());
            return;
        }
        request.setProperty(CALLER, caller.get());
        if (request.getLength() > maxBodyBytes) {
            request.abortWith(tooLarge().toResponse());
            return;
        }
        byte[] body;
        try {
            body = new BoundedStream(request.getEntityStream(), maxBodyBytes).readAllBytes();
        } catch (BoundedStream.BodyTooLargeException e) {
            request.abortWith(tooLarge().toResponse());
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!JsonShape.acceptable(body)) {
            request.abortWith(Problem.of(Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body is not the JSON this call expects.").toResponse());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    Problem tooLarge() {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Body too large",
                "The body exceeds " + maxBodyBytes + " bytes.");
    }
}
