package org.certrevoke.registry.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;

/**
 * Every call, accepted or refused, leaves one record: who, from where, what, and the answer's status. The
 * path is recorded as far as 300 characters, with what cannot be printed (a NUL, a line break, a
 * bidirectional override) replaced, so that a hostile path can neither break the record nor forge a line
 * of it. A call answered 503 found the database out of reach: it cannot be recorded there, and its log line stands in.
 */
@Provider
public class ApiAudit implements ContainerResponseFilter {

    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Zl}\\p{Zp}]");

    @Inject
    AuditLog audit;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            return;
        }
        Object caller = request.getProperty(ApiGate.CALLER);
        String path = UNPRINTABLE.matcher(request.getUriInfo().getPath()).replaceAll("\uFFFD");
        audit.record(AuditEvent.of(AuditEventType.API_CALL, caller == null ? "anonymous" : caller.toString(),
                        servletRequest.getRemoteAddr())
                .saying(request.getMethod() + " " + (path.length() > 300 ? path.substring(0, 300) : path)
                        + " -> " + response.getStatus()));
    }
}
