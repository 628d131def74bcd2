package org.certrevoke.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address rate limits and lockouts count against: the connection's, or behind proxies listed in
 * {@code certrevoke.trusted-proxies} the client {@link TrustedProxies} finds in {@code X-Forwarded-For}.
 * The application decides this itself; Undertow's {@code proxy-address-forwarding}, which believes the
 * leftmost entry, stays off (README).
 */
@RequestScoped
public class ClientAddress {

    static final String TRUSTED_PROXIES = "certrevoke.trusted-proxies";

    @Inject
    HttpServletRequest request;

    public String get() {
        return of(request);
    }

    /** The client of any request; read again on each call, so a changed setting applies at once. */
    public static String of(HttpServletRequest request) {
        TrustedProxies proxies = TrustedProxies.parse(
                ConfigProvider.getConfig().getOptionalValue(TRUSTED_PROXIES, String.class).orElse(""));
        if (proxies.isEmpty()) {
            return request.getRemoteAddr();
        }
        return proxies.clientOf(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }
}
