package org.certrevoke.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Pages are asked for as {@code .jsf}; a {@code .xhtml} URL is not found. The Faces servlet also maps
 * {@code *.xhtml}, so that a page source is never served as it is, and would otherwise render it
 * under a path-prefix constraint ({@code /backoffice/*}) that is weaker than the page's own
 * ({@code /backoffice/certificats.jsf}).
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class PageSources extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
