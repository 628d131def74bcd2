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
 * Answers a POSTed OCSP request whose signed answer is already cached on the connection's I/O thread,
 * before Undertow hands the request to a worker thread and to the servlet machinery (security domain,
 * filters, CDI request context): for the most frequent request, a relying party asking again without
 * nonce, the answer costs reading the body and a map lookup. Anything else (GET, a body too large or
 * without length, an answer not cached) goes on to {@link OcspEndpoint} unchanged, the body it read put
 * back for the servlet to read. The answers come from {@link OcspEndpoint}, which publishes the cache as a
 * servlet context attribute when it starts; until then every request goes to it.
 * <p>
 * Registered as an Undertow servlet extension (META-INF/services), which WildFly applies to this WAR.
 */
public class OcspFastPath implements ServletExtension {

    /** The servlet context attribute holding a {@code Function<byte[], byte[]>}: request bytes to cached answer. */
    static final String ANSWERS = OcspFastPath.class.getName() + ".answers";
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
            Object max = servletContext.getAttribute(MAX_REQUEST_BYTES);
            long length = exchange.getRequestContentLength();
            if (answers == null || max == null || length <= 0 || length > (Integer) max
                    || !Methods.POST.equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestPath())
                    || HttpContinue.requiresContinueResponse(exchange)) {
                next.handleRequest(exchange);
                return;
            }
            exchange.getRequestReceiver().receiveFullBytes(
                    (received, body) -> answer(received, body, (Function<byte[], byte[]>) answers),
                    (failed, e) -> failed.endExchange());
        }

        private void answer(HttpServerExchange exchange, byte[] body, Function<byte[], byte[]> answers) {
            byte[] cached = answers.apply(body);
            if (cached != null) {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/ocsp-response");
                exchange.setResponseContentLength(cached.length);
                exchange.getResponseSender().send(ByteBuffer.wrap(cached));
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
    }
}
