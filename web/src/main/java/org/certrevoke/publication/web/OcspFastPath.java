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
import jakarta.servlet.ServletContext;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * Answers POSTed OCSP requests that need no database before Undertow hands them to the servlet machinery
 * (security domain, filters, CDI request context): a request whose signed answer is cached (a relying
 * party asking again without nonce) on the connection's I/O thread, for the cost of reading the body and a
 * map lookup; a request for certificates whose status is known (with a nonce, say) on a worker thread,
 * signed there. Anything else (GET, a body too large or without length, a status to read from the
 * database) goes on to {@link OcspEndpoint} unchanged, the body read put back for the servlet to read.
 * {@link OcspEndpoint} publishes the cache and the responder as servlet context attributes when it
 * starts; until then every request goes to it.
 * <p>
 * Registered as an Undertow servlet extension (META-INF/services), which WildFly applies to this WAR. It
 * runs before web.xml's security constraints: {@code POST /ocsp} must stay public (it is, for any
 * relying party), or this path must go.
 */
public class OcspFastPath implements ServletExtension {

    /** The servlet context attribute holding a {@code Function<byte[], byte[]>}: request bytes to cached answer. */
    static final String ANSWERS = OcspFastPath.class.getName() + ".answers";
    /**
     * The servlet context attribute holding a {@code Function<byte[], byte[]>}: request bytes to the answer
     * when it needs no database, or null.
     */
    static final String FROM_MEMORY = OcspFastPath.class.getName() + ".from-memory";
    /** The servlet context attribute holding the largest request body, an Integer. */
    static final String MAX_REQUEST_BYTES = OcspFastPath.class.getName() + ".max-request-bytes";

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
            Object answers = servletContext.getAttribute(ANSWERS);
            Object fromMemory = servletContext.getAttribute(FROM_MEMORY);
            Object max = servletContext.getAttribute(MAX_REQUEST_BYTES);
            long length = exchange.getRequestContentLength();
            if (answers == null || fromMemory == null || max == null || length <= 0 || length > (Integer) max
                    || !Methods.POST.equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestPath())
                    || HttpContinue.requiresContinueResponse(exchange)) {
                next.handleRequest(exchange);
                return;
            }
            exchange.getRequestReceiver().receiveFullBytes((received, body) -> {
                byte[] cached = ((Function<byte[], byte[]>) answers).apply(body);
                if (cached != null) {
                    send(received, cached);
                } else {
                    received.dispatch(() -> signOrPassOn(received, body, (Function<byte[], byte[]>) fromMemory));
                }
            }, (failed, e) -> failed.endExchange());
        }

        private void signOrPassOn(HttpServerExchange exchange, byte[] body, Function<byte[], byte[]> fromMemory) {
            byte[] answer = fromMemory.apply(body);
            if (answer != null) {
                send(exchange, answer);
                return;
            }
            Connectors.ungetRequestBytes(exchange, new ImmediatePooledByteBuffer(ByteBuffer.wrap(body)));
            Connectors.resetRequestChannel(exchange);
            try {
                next.handleRequest(exchange);
            } catch (Exception e) {
                exchange.endExchange();
            }
        }

        private static void send(HttpServerExchange exchange, byte[] answer) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/ocsp-response");
            exchange.setResponseContentLength(answer.length);
            exchange.getResponseSender().send(ByteBuffer.wrap(answer));
        }
    }
}
