package org.certrevoke.registry.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.certrevoke.registry.control.RegistrationRefusedException;

/** One problem type per cause of refusal, with the HTTP status that fits it. */
@Provider
public class Refusals implements ExceptionMapper<RegistrationRefusedException> {

    /** RFC 9110 §15.5.21: well-formed, but about something we do not know or do not trust. */
    private static final int UNPROCESSABLE_CONTENT = 422;

    @Override
    public Response toResponse(RegistrationRefusedException refused) {
        int status = switch (refused.why()) {
            case UNKNOWN_CERTIFICATE -> Status.NOT_FOUND.getStatusCode();
            case DUPLICATE_CERTIFICATE, DUPLICATE_ORGANISATION -> Status.CONFLICT.getStatusCode();
            case MISSING_FIELD, INVALID_FIELD, MALFORMED_CERTIFICATE -> Status.BAD_REQUEST.getStatusCode();
            case UNKNOWN_ISSUER, BAD_SIGNATURE, UNKNOWN_ORGANISATION -> UNPROCESSABLE_CONTENT;
        };
        String slug = refused.why().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return Problem.of(status, slug, title(slug), refused.getMessage()).toResponse();
    }

    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
