package org.certrevoke.registry.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.certrevoke.registry.control.AlreadyRevokedException;

/** A second revocation answers 409 with the revocation already on record. */
@Provider
public class AlreadyRevoked implements ExceptionMapper<AlreadyRevokedException> {

    @Override
    public Response toResponse(AlreadyRevokedException refused) {
        Problem base = Problem.of(Response.Status.CONFLICT, "already-revoked", "Already revoked",
                "The certificate is " + refused.state() + "; a revocation cannot be made twice or undone.");
        return new Problem(base.type(), base.title(), base.status(), base.detail(), refused.state().name(),
                refused.revokedAt() == null ? null : refused.revokedAt().toString(),
                refused.reason() == null ? null : refused.reason().name(),
                refused.crlReason() == null ? null : refused.crlReason().code()).toResponse();
    }
}
