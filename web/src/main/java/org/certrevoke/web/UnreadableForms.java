package org.certrevoke.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A post that says it is {@code multipart/form-data} but whose body cannot be read as such (no boundary,
 * a wrong one, a body cut short, a part beyond the servlet's limits). Undertow fails while the page reads
 * its fields (an exception of its own, or an {@code IOException} inside a {@code RuntimeException}), and so
 * would the error page, which reads the same request: the body is read here first,
 * and a body that cannot be read gets the "form no longer valid" page with 400, rendered for a request
 * that carries no form at all. Nothing of the post reaches a page. One log line, no stack trace.
 */
@WebFilter(servletNames = "Faces Servlet", asyncSupported = true)
public class UnreadableForms extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String SESSION_PAGE = "/erreur/session.jsf";
    private static final Logger LOG = Logger.getLogger(UnreadableForms.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isMultipart(request) && !readable(request)) {
            LOG.warning(() -> "Refused form post to " + request.getServletPath() + ": multipart body that cannot be read");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            request.getRequestDispatcher(SESSION_PAGE).forward(new WithoutForm(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean readable(HttpServletRequest request) {
        try {
            request.getParts();
            return true;
        } catch (IOException | ServletException | RuntimeException e) {
            return false;
        }
    }

    /** The same request, as a plain page visit: no body, no fields, no parts. */
    private static final class WithoutForm extends HttpServletRequestWrapper {

        WithoutForm(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
