package org.certrevoke.registry.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

    public record Representative(String firstName, String lastName, String email) {
    }

    public record OrganisationRequest(String identifier, String name, Representative legalRepresentative) {
    }

    @POST
    public Response register(OrganisationRequest request, @Context UriInfo uri) {
        Fields fields = new Fields().require("body", request);
        fields.check();
        Representative representative = request.legalRepresentative();
        fields.require("identifier", request.identifier(), 64).require("name", request.name(), 200)
                .require("legalRepresentative", representative);
        if (representative != null) {
            fields.require("legalRepresentative.firstName", representative.firstName(), 100)
                    .require("legalRepresentative.lastName", representative.lastName(), 100)
                    .require("legalRepresentative.email", representative.email(), 254);
        }
        fields.check();
        IssuedKey key = authority.registerOrganisation(new NewOrganisation(request.identifier().strip(),
                request.name().strip(), new PersonName(representative.firstName().strip(), representative.lastName().strip()),
                representative.email().strip()), Callers.of(servletRequest));
        return Response.created(uri.getAbsolutePathBuilder().path(key.identifier()).build()).entity(key).build();
    }

    @POST
    @Path("{identifier}/access-key")
    public IssuedKey regenerateAccessKey(@PathParam("identifier") String identifier) {
        return authority.regenerateAccessKey(identifier, Callers.of(servletRequest));
    }
}
