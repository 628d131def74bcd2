package org.certrevoke.demo.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outside demo mode the demo pages do not exist: mails hold personal data and are only for the
 * recipient's eyes. {@code /demo/mailbox} is the short address of the mailbox page.
 */
@WebFilter(urlPatterns = "/demo/*")
public class DemoOnly extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "certrevoke.demo", defaultValue = "false")
    boolean demo;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!demo) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (request.getRequestURI().equals(request.getContextPath() + "/demo/mailbox")) {
            request.getRequestDispatcher("/demo/mailbox.jsf").forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
