package org.certrevoke.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly's MicroProfile Health endpoint on the management interface, as a load balancer or a monitoring
 * system reads it: the database, mail and signing-key checks are there, each saying what it found.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void reportsTheDatabaseWithItsSchemaVersionAndTheDemoCaKey() throws Exception {
        String health = readiness();

        assertEquals("UP", status(health, "database"), health);
        assertTrue(Pattern.compile("\"schema\"\\s*:\\s*\"\\d+(\\.\\d+)*\"").matcher(health).find(), health);
        assertTrue(Pattern.compile("\"demo-ca\"\\s*:\\s*\"ready; CA certificate until [^\"]+, OCSP responder until")
                .matcher(health).find(), health);
    }

    @Test
    void mailIsDownWhileTheSmtpServerIsAwayAndUpOnceItAnswers() throws Exception {
        String withoutServer = readiness();
        assertEquals("DOWN", status(withoutServer, "mail"), withoutServer);
        assertTrue(withoutServer.matches("(?s).*\"smtp\"\\s*:\\s*\"[^\"]+:" + Server.smtpPort() + "\".*"), withoutServer);

        GreenMail smtp = new GreenMail(new ServerSetup(Server.smtpPort(), "127.0.0.1", "smtp"));
        smtp.start();
        try {
            String withServer = readiness();
            assertEquals("UP", status(withServer, "mail"), withServer);
            assertTrue(Pattern.compile("\"waiting\"\\s*:\\s*\\d+").matcher(withServer).find(), withServer);
        } finally {
            smtp.stop();
        }
    }

    private static String readiness() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + System.getProperty("it.management.port", "10090") + "/health/ready"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 503, response.statusCode() + " " + response.body());
        return response.body();
    }

    private static String status(String health, String check) {
        Matcher matcher = Pattern.compile("\"name\"\\s*:\\s*\"" + check + "\"\\s*,\\s*\"status\"\\s*:\\s*\"(UP|DOWN)\"")
                .matcher(health);
        assertTrue(matcher.find(), "no " + check + " check in " + health);
        return matcher.group(1);
    }
}
