package org.certrevoke.registry.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.platform.validation.Identifier;
import org.certrevoke.platform.validation.Text;
import org.certrevoke.registry.boundary.RegistrationAuthority;
import org.certrevoke.registry.boundary.RegistrationAuthority.IssuedKey;
import org.certrevoke.registry.boundary.RegistrationAuthority.NewOrganisation;
import org.certrevoke.registry.entity.PersonName;

/** Customer organisations; the answer carries the access key in clear, the only time it exists in clear. */
@Path("organisations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class Organisations {

    @Inject
    RegistrationAuthority authority;

    @Context
    HttpServletRequest servletRequest;

    public record Representative(@NotBlank @Text(max = Text.NAME) String firstName,
                                 @NotBlank @Text(max = Text.NAME) String lastName,
                                 @NotNull @EmailAddress String email) {

        public Representative {
            firstName = Trimmed.of(firstName);
            lastName = Trimmed.of(lastName);
            email = Trimmed.of(email);
        }
    }

    public record OrganisationRequest(@NotNull @Identifier String identifier,
                                      @NotBlank @Text(max = Text.LINE) String name,
                                      @NotNull @Valid Representative legalRepresentative) {

        public OrganisationRequest {
            name = Trimmed.of(name);
        }
    }

    @POST
    public Response register(@NotNull @Valid OrganisationRequest request, @Context UriInfo uri) {
        Representative representative = request.legalRepresentative();
        IssuedKey key = authority.registerOrganisation(new NewOrganisation(request.identifier(), request.name(),
                new PersonName(representative.firstName(), representative.lastName()), representative.email()),
                Callers.of(servletRequest));
        return Response.created(uri.getBaseUriBuilder().path(Organisations.class).path("{identifier}")
                .build(key.identifier())).entity(key).build();
    }

    @POST
    @Path("{identifier}/access-key")
    public IssuedKey regenerateAccessKey(@PathParam("identifier") @Identifier String identifier) {
        return authority.regenerateAccessKey(identifier, Callers.of(servletRequest));
    }
}
