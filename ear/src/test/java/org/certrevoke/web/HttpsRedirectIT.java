package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * production.cli's redirect to HTTPS, as the script writes it, put on the test server at runtime for one
 * path nobody else uses: the host, the public HTTPS port, the path and the query survive.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpsRedirectIT {

    private static final Pattern TARGET = Pattern.compile("rewrite=https-only:add\\(target=\"([^\"]+)\", redirect=true\\)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theRedirectKeepsHostPortPathAndQuery() throws Exception {
        Matcher target = TARGET.matcher(Files.readString(Path.of(System.getProperty("it.cli"), "production.cli")));
        assertTrue(target.find(), "production.cli declares the redirect");
        try (ModelControllerClient management = ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(),
                Integer.getInteger("it.management.port"))) {
            ModelNode filter = operation("add", "configuration", "filter", "rewrite", "it-https-only");
            filter.get("target").set(target.group(1));
            filter.get("redirect").set(true);
            execute(management, filter);
            ModelNode reference = operation("add", "server", "default-server", "host", "default-host", "filter-ref", "it-https-only");
            reference.get("predicate").set("path-prefix('/it-https-probe')");
            execute(management, reference);
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Server.url("/it-https-probe/view/page.jsf?serial=0a1b&lang=en"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(answer.statusCode() == 302 || answer.statusCode() == 301, "status " + answer.statusCode());
                assertEquals("https://localhost:443/it-https-probe/view/page.jsf?serial=0a1b&lang=en",
                        answer.headers().firstValue("Location").orElse(""));
            } finally {
                execute(management, operation("remove", "server", "default-server", "host", "default-host", "filter-ref", "it-https-only"));
                execute(management, operation("remove", "configuration", "filter", "rewrite", "it-https-only"));
            }
        }
    }

    private static ModelNode operation(String name, String... address) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("subsystem", "undertow");
        for (int i = 0; i < address.length; i += 2) {
            operation.get("address").add(address[i], address[i + 1]);
        }
        return operation;
    }

    private static void execute(ModelControllerClient management, ModelNode operation) throws Exception {
        ModelNode result = management.execute(operation);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }
}
