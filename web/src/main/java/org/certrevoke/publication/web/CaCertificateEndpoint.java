package org.certrevoke.publication.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.certrevoke.publication.boundary.Publication;

/** {@code GET /ca/{alias}.crt}: the CA certificate in DER, where the certificates' AIA caIssuers points. */
@WebServlet("/ca/*")
public class CaCertificateEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Publication publication;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<byte[]> der = Paths.alias(request, ".crt").flatMap(publication::caCertificate);
        if (der.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pkix-cert");
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentLength(der.get().length);
        response.getOutputStream().write(der.get());
    }
}
