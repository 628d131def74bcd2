package org.certrevoke.registry.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.platform.validation.Identifier;
import org.certrevoke.platform.validation.SerialNumber;
import org.certrevoke.platform.validation.Text;
import org.certrevoke.registry.boundary.RegistrationAuthority;
import org.certrevoke.registry.boundary.RegistrationAuthority.HolderRecord;
import org.certrevoke.registry.boundary.RegistrationAuthority.NewCertificate;
import org.certrevoke.registry.boundary.RegistrationAuthority.Status;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.control.MeaningfulAnswer;
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
    private static final int ID_DOCUMENT = 64;
    private static final String ALIAS_MESSAGE = "must be the alias of a certificate authority";

    @Inject
    RegistrationAuthority authority;

    @Context
    HttpServletRequest servletRequest;

    @Context
    UriInfo uri;

    /** Every alias a CA is registered under: it stands in URLs as it is. */
    static final String CA_ALIAS = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public record Question(@NotBlank @Text(max = Text.LINE) String question,
                           @NotBlank @Text(max = Text.LINE) @MeaningfulAnswer String answer) {

        public Question {
            question = Trimmed.of(question);
        }
    }

    public record HolderJson(@NotBlank @Text(max = Text.NAME) String firstName,
                             @NotBlank @Text(max = Text.NAME) String lastName,
                             @NotNull @EmailAddress String email,
                             @NotBlank @Text(max = ID_DOCUMENT) String idDocumentNumber,
                             @Text(max = Text.LINE) String establishment,
                             @Text(max = Text.LINE) String service,
                             @Text(max = Text.LINE) String function,
                             @NotNull @Size(min = 3, max = 3, message = "must hold exactly 3 questions with their answers")
                             List<@NotNull @Valid Question> questions) {

        public HolderJson {
            firstName = Trimmed.of(firstName);
            lastName = Trimmed.of(lastName);
            email = Trimmed.of(email);
        }
    }

    public record CertificateRequest(@NotBlank @Size(max = LONGEST_CERTIFICATE) String certificate,
                                     @NotBlank @Text(max = 20) String type,
                                     @NotNull @Identifier String organisation,
                                     @NotNull @Valid HolderJson holder) {

        public CertificateRequest {
            organisation = Trimmed.of(organisation);
        }
    }

    public record RevocationRequest(@NotBlank @Text(max = 40) String reason, @Text(max = 40) String invalidityDate) {
    }

    public record StatusJson(String ca, String serial, String status, Instant notBefore, Instant notAfter,
                             Instant revokedAt, String reason, Integer crlReason, Instant invalidityDate, URI url) {
    }

    @POST
    public Response register(@NotNull @Valid CertificateRequest request) {
        Status status = authority.registerCertificate(newCertificate(request), Callers.of(servletRequest));
        StatusJson json = json(status);
        return Response.created(json.url()).entity(json).build();
    }

    @GET
    @Path("{ca}/{serial}")
    public StatusJson status(@PathParam("ca") @Pattern(regexp = CA_ALIAS, message = ALIAS_MESSAGE) String ca,
                             @PathParam("serial") @SerialNumber String serial) {
        return json(authority.status(ca, canonical(serial)));
    }

    @POST
    @Path("{ca}/{serial}/revocation")
    public StatusJson revoke(@PathParam("ca") @Pattern(regexp = CA_ALIAS, message = ALIAS_MESSAGE) String ca,
                             @PathParam("serial") @SerialNumber String serial,
                             @NotNull @Valid RevocationRequest request) {
        RevocationReason reason = Fields.oneOf(RevocationReason.class, "reason", request.reason());
        return json(authority.revoke(ca, canonical(serial), reason, instant(request.invalidityDate()),
                Callers.of(servletRequest)));
    }

    private static NewCertificate newCertificate(CertificateRequest request) {
        HolderJson holder = request.holder();
        CertificateType type = Fields.oneOf(CertificateType.class, "type", request.type());
        return new NewCertificate(request.certificate(), type, request.organisation(),
                new HolderRecord(new PersonName(holder.firstName(), holder.lastName()), holder.email(),
                        holder.idDocumentNumber(), new Workplace(holder.establishment(), holder.service(), holder.function()),
                        holder.questions().stream().map(q -> new QuestionAnswer(q.question(), q.answer())).toList()));
    }

    /** Serials are stored as {@link BigInteger#toString(int)} writes them: lower case, no leading zero. */
    private static String canonical(String serial) {
        return new BigInteger(serial, 16).toString(16);
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
        URI url = uri.getBaseUriBuilder().path(Certificates.class).path("{ca}/{serial}")
                .build(status.authority(), status.serial());
        return new StatusJson(status.authority(), status.serial(), status.state().name(), status.notBefore(),
                status.notAfter(), status.revokedAt(), status.reason() == null ? null : status.reason().name(),
                status.crlReason() == null ? null : status.crlReason().code(), status.invalidityDate(), url);
    }
}
