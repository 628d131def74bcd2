package org.certrevoke.enterprise.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps every enterprise page closed until the three login steps are done, whatever the page's own
 * code does; a visitor who is not logged in (or whose session timed out) lands on the login page.
 */
@WebFilter("/entreprise/*")
public class EnterpriseGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    EnterpriseSession session;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getSession(false) == null || !session.isAuthenticated()) {
            response.sendRedirect(request.getContextPath() + "/auth/login.jsf");
            return;
        }
        chain.doFilter(request, response);
    }
}
