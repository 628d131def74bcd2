package org.certrevoke.registry.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.certrevoke.registry.boundary.RegistrationAuthority;
import org.certrevoke.registry.boundary.RegistrationAuthority.HolderRecord;
import org.certrevoke.registry.boundary.RegistrationAuthority.NewCertificate;
import org.certrevoke.registry.boundary.RegistrationAuthority.Status;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.control.RegistrationRefusedException;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.registry.entity.RevocationReason;

/**
 * Certificates the CA issued: registration (the cancellation code goes out by mail only), status, and
 * the revocation the CA's own systems decide.
 */
@Path("certificates")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class Certificates {

    private static final int LONGEST_CERTIFICATE = 32_768;

    @Inject
    RegistrationAuthority authority;

    @Context
    HttpServletRequest servletRequest;

    @Context
    UriInfo uri;

    public record Question(String question, String answer) {
    }

    public record HolderJson(String firstName, String lastName, String email, String idDocumentNumber,
                             String establishment, String service, String function, List<Question> questions) {
    }

    public record CertificateRequest(String certificate, String type, String organisation, HolderJson holder) {
    }

    public record RevocationRequest(String reason, String invalidityDate) {
    }

    public record StatusJson(String ca, String serial, String status, Instant notBefore, Instant notAfter,
                             Instant revokedAt, String reason, Integer crlReason, Instant invalidityDate, URI url) {
    }

    @POST
    public Response register(CertificateRequest request) {
        Status status = authority.registerCertificate(validated(request), Callers.of(servletRequest));
        StatusJson json = json(status);
        return Response.created(json.url()).entity(json).build();
    }

    @GET
    @Path("{ca}/{serial}")
    public StatusJson status(@PathParam("ca") String ca, @PathParam("serial") String serial) {
        return json(authority.status(ca, serial));
    }

    @POST
    @Path("{ca}/{serial}/revocation")
    public StatusJson revoke(@PathParam("ca") String ca, @PathParam("serial") String serial,
                             RevocationRequest request) {
        new Fields().require("body", request).check();
        new Fields().require("reason", request.reason(), 40).limit("invalidityDate", request.invalidityDate(), 40).check();
        RevocationReason reason = Fields.oneOf(RevocationReason.class, "reason", request.reason());
        return json(authority.revoke(ca, serial, reason, instant(request.invalidityDate()), Callers.of(servletRequest)));
    }

    private static NewCertificate validated(CertificateRequest request) {
        Fields fields = new Fields().require("body", request);
        fields.check();
        HolderJson holder = request.holder();
        fields.require("certificate", request.certificate(), LONGEST_CERTIFICATE).require("type", request.type(), 20)
                .require("organisation", request.organisation(), 64).require("holder", holder);
        if (holder != null) {
            fields.require("holder.firstName", holder.firstName(), 100).require("holder.lastName", holder.lastName(), 100)
                    .require("holder.email", holder.email(), 254)
                    .require("holder.idDocumentNumber", holder.idDocumentNumber(), 64)
                    .limit("holder.establishment", holder.establishment(), 200)
                    .limit("holder.service", holder.service(), 200)
                    .limit("holder.function", holder.function(), 200)
                    .require("holder.questions", holder.questions());
            if (holder.questions() != null) {
                for (int i = 0; i < holder.questions().size(); i++) {
                    Question question = holder.questions().get(i);
                    fields.require("holder.questions[" + i + "]", question);
                    if (question != null) {
                        fields.require("holder.questions[" + i + "].question", question.question(), 200)
                                .require("holder.questions[" + i + "].answer", question.answer(), 200);
                    }
                }
            }
        }
        fields.check();
        if (holder.questions().size() != 3) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Why.INVALID_FIELD,
                    "holder.questions must hold exactly 3 questions with their answers.");
        }
        CertificateType type = Fields.oneOf(CertificateType.class, "type", request.type());
        return new NewCertificate(request.certificate(), type, request.organisation().strip(),
                new HolderRecord(new PersonName(holder.firstName().strip(), holder.lastName().strip()),
                        holder.email().strip(), holder.idDocumentNumber(),
                        new Workplace(holder.establishment(), holder.service(), holder.function()),
                        holder.questions().stream().map(q -> new QuestionAnswer(q.question().strip(), q.answer())).toList()));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            throw new RegistrationRefusedException(RegistrationRefusedException.Why.INVALID_FIELD,
                    "invalidityDate must be an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }

    private StatusJson json(Status status) {
        URI url = uri.getBaseUriBuilder().path(Certificates.class).path(status.authority()).path(status.serial()).build();
        return new StatusJson(status.authority(), status.serial(), status.state().name(), status.notBefore(),
                status.notAfter(), status.revokedAt(), status.reason() == null ? null : status.reason().name(),
                status.crlReason() == null ? null : status.crlReason().code(), status.invalidityDate(), url);
    }
}
