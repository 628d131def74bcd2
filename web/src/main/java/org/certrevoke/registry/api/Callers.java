package org.certrevoke.registry.api;

import jakarta.servlet.http.HttpServletRequest;
import org.certrevoke.registry.boundary.RegistrationAuthority.Caller;

/** The caller {@link ApiGate} authenticated, as the boundary records it. */
final class Callers {

    private Callers() {
    }

    static Caller of(HttpServletRequest request) {
        return new Caller(String.valueOf(request.getAttribute(ApiGate.CALLER)), request.getRemoteAddr());
    }
}
