package org.certrevoke.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.certrevoke.platform.control.DatabaseOutage;

/**
 * A request outside the Faces servlet (a download, say) that failed because the database is out of reach
 * answers 503 with the "service momentarily unavailable" page, like a page does ({@link UnavailablePages});
 * other failures go on to the error pages of web.xml.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnavailablePage extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String PAGE = "/erreur/indisponible.jsf";

    @Inject
    Unavailable unavailable;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            boolean partial = "partial/ajax".equals(request.getHeader("Faces-Request"));
            if (!DatabaseOutage.causedBy(e) || response.isCommitted() || partial) {
                throw e;
            }
            unavailable.noted(e, request.getMethod() + " " + request.getServletPath());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", unavailable.retryAfterSeconds());
            request.getRequestDispatcher(PAGE).forward(request, response);
        }
    }
}
