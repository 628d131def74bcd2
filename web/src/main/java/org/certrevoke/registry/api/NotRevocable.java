package org.certrevoke.registry.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.certrevoke.registry.control.NotRevocableException;

/** An expired certificate answers 409 with its state, and with no revocation, for there is none. */
@Provider
public class NotRevocable implements ExceptionMapper<NotRevocableException> {

    @Override
    public Response toResponse(NotRevocableException refused) {
        Problem base = Problem.of(Response.Status.CONFLICT, "not-revocable", "Not revocable",
                "The certificate is " + refused.state() + " and was never revoked; it can no longer be revoked.");
        return new Problem(base.type(), base.title(), base.status(), base.detail(), refused.state().name(), null,
                null, null).toResponse();
    }
}
