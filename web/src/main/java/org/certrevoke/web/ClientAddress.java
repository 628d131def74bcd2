package org.certrevoke.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The address rate limits and lockouts count against. Behind a proxy, WildFly's
 * {@code proxy-address-forwarding} puts the client's address here (see README).
 */
@RequestScoped
public class ClientAddress {

    @Inject
    HttpServletRequest request;

    public String get() {
        return request.getRemoteAddr();
    }
}
