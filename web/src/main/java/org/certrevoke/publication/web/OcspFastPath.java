package org.certrevoke.publication.web;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.ImmediatePooledByteBuffer;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.nio.ByteBuffer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers POSTed OCSP requests that need no database on the connection's I/O thread, before Undertow
 * hands them to the servlet machinery (security domain, filters, CDI request context): a request whose
 * signed answer is cached (a relying party asking again without nonce) for the cost of reading the body
 * and a map lookup; a request for certificates whose status is known (with a nonce, say) for one
 * signature, about a tenth of a millisecond of CPU, which costs less there than the two thread hand-overs
 * of a worker thread would. Anything else (GET, a body too large or without length, a status to read from
 * the database, a responder certificate to renew) goes on to {@link OcspEndpoint} on a worker thread
 * unchanged, the body read put back for the servlet to read. {@link OcspEndpoint} publishes the responder
 * as a servlet context attribute when it starts; until then every request goes to it.
 * <p>
 * Registered as an Undertow servlet extension (META-INF/services), which WildFly applies to this WAR. It
 * runs before web.xml's security constraints: {@code POST /ocsp} must stay public (it is, for any
 * relying party), or this path must go.
 */
public class OcspFastPath implements ServletExtension {

    /**
     * The servlet context attribute holding a {@code Function<byte[], byte[]>}: request bytes to the answer
     * when it needs no database, or null.
     */
    static final String FROM_MEMORY = OcspFastPath.class.getName() + ".from-memory";
    /** The servlet context attribute holding the largest request body, an Integer. */
    static final String MAX_REQUEST_BYTES = OcspFastPath.class.getName() + ".max-request-bytes";

    private static final Logger LOG = Logger.getLogger(OcspFastPath.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        String contextPath = deploymentInfo.getContextPath();
        String path = (contextPath == null || "/".equals(contextPath) ? "" : contextPath) + "/ocsp";
        deploymentInfo.addInitialHandlerChainWrapper(next -> new Handler(next, path, servletContext));
    }

    private static final class Handler implements HttpHandler {

        private final HttpHandler next;
        private final String path;
        private final ServletContext servletContext;

        Handler(HttpHandler next, String path, ServletContext servletContext) {
            this.next = next;
            this.path = path;
            this.servletContext = servletContext;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            Object fromMemory = servletContext.getAttribute(FROM_MEMORY);
            Object max = servletContext.getAttribute(MAX_REQUEST_BYTES);
            long length = exchange.getRequestContentLength();
            if (fromMemory == null || max == null || length <= 0 || length > (Integer) max
                    || !Methods.POST.equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestPath())
                    || HttpContinue.requiresContinueResponse(exchange)) {
                next.handleRequest(exchange);
                return;
            }
            exchange.getRequestReceiver().receiveFullBytes((received, body) -> {
                byte[] answer;
                try {
                    answer = ((Function<byte[], byte[]>) fromMemory).apply(body);
                } catch (RuntimeException e) {
                    fail(received, e);
                    return;
                }
                if (answer != null) {
                    received.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/ocsp-response");
                    received.setResponseContentLength(answer.length);
                    received.getResponseSender().send(ByteBuffer.wrap(answer));
                } else {
                    received.dispatch(() -> passOn(received, body));
                }
            }, (failed, e) -> failed.endExchange());
        }

        /** Hands the request, its body put back, to the servlet; runs on a worker thread. */
        private void passOn(HttpServerExchange exchange, byte[] body) {
            try {
                Connectors.ungetRequestBytes(exchange, new ImmediatePooledByteBuffer(ByteBuffer.wrap(body)));
                Connectors.resetRequestChannel(exchange);
                next.handleRequest(exchange);
            } catch (Exception e) {
                fail(exchange, e);
            }
        }

        /** Outside Undertow's own request handling, nothing else would end the exchange: the client would wait. */
        private static void fail(HttpServerExchange exchange, Exception e) {
            LOG.log(Level.WARNING, "OCSP request not answered", e);
            if (!exchange.isResponseStarted()) {
                exchange.setStatusCode(StatusCodes.INTERNAL_SERVER_ERROR);
            }
            exchange.endExchange();
        }
    }
}
