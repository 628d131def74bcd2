package org.certrevoke.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * A post that says it is {@code multipart/form-data} but whose body cannot be read as such (no boundary,
 * a wrong one, a body cut short, a part beyond the servlet's limits). Undertow fails while the page reads
 * its fields, keeps that failure and throws it again at every later read of the request's parameters: a
 * forward or an error page, which read them too, would fail the same way. So the body is read here first,
 * and a body that cannot be read is answered here with 400 and a short page in both languages that says
 * the form is no longer valid. Nothing of the post reaches a page. One log line, no stack trace.
 */
@WebFilter(servletNames = "Faces Servlet", asyncSupported = true)
public class UnreadableForms extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(UnreadableForms.class.getName());
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="UTF-8"><title>Formulaire refusé / Form refused</title></head>
            <body><main>
            <h1>Formulaire refusé</h1>
            <p>Votre session a expiré ou le formulaire n'est plus valide. <a href="/">Recommencer</a></p>
            <h1 lang="en">Form refused</h1>
            <p lang="en">Your session has expired or the form is no longer valid. <a href="/">Start again</a></p>
            </main></body></html>
            """;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isMultipart(request) && !readable(request)) {
            LOG.warning(() -> "Refused form post to " + request.getServletPath() + ": multipart body that cannot be read");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(PAGE);
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
}
