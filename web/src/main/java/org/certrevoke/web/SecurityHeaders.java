package org.certrevoke.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Headers every response of the application carries, error pages included (they are dispatched
 * again, and an exception may have reset the response). The content security policy is
 * {@code web.xml}'s {@code primefaces.CSP_POLICY}, ending with {@code script-src 'self'}: on a page,
 * PrimeFaces sends it with the page's script nonce appended, and that header then replaces this one
 * (two policies would both apply, and this one would block the page's scripts).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String POLICY = "Content-Security-Policy";

    private String policy;

    @Override
    public void init() {
        policy = getServletContext().getInitParameter("primefaces.CSP_POLICY").strip();
    }

    /**
     * Faces resources, and OCSP answers, which say themselves how long caches may keep them (RFC 5019 §6.2:
     * never no-store; {@code publication.web.OcspCacheHeaders}).
     */
    private static boolean cacheable(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.equals("/ocsp") || path.startsWith("/ocsp/");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(POLICY, policy);
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!cacheable(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void addHeader(String name, String value) {
                if (POLICY.equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                } else {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
