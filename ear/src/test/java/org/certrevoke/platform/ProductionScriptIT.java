package org.certrevoke.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's one-run production set-up: production.cli applied to a pristine copy of the WildFly
 * distribution must succeed as a whole (it runs as one batch) and leave every piece it promises in
 * standalone.xml, with no secret written into it.
 */
class ProductionScriptIT {

    @TempDir
    Path work;

    @Test
    void configuresAFreshServerInOneRunWithoutWritingSecrets() throws Exception {
        Path home = work.resolve("wildfly");
        copy(Path.of(System.getProperty("jboss.home")), home);
        Path configuration = home.resolve("standalone/configuration");
        // the build's copy is already configured for the demo (and, with -Ppostgresql, has the driver module):
        // start from the distribution's own file and modules
        Files.copy(configuration.resolve("standalone_xml_history/standalone.initial.xml"),
                configuration.resolve("standalone.xml"), StandardCopyOption.REPLACE_EXISTING);
        delete(configuration.resolve("certrevoke-staff"));
        delete(home.resolve("modules/org/postgresql"));
        Path properties = work.resolve("production.properties");
        Files.writeString(properties, "certrevoke.server-config=standalone.xml\ncertrevoke.postgresql.jar="
                + System.getProperty("it.postgresql.jar") + "\n");

        String keyStorePassword = "tls-" + UUID.randomUUID();
        Path keyStore = keyStore("tls.p12", "tls", keyStorePassword);
        String signingPassword = "signing-" + UUID.randomUUID();
        Path signingKeyStore = keyStore("signing.p12", "demo-ca", signingPassword);

        ProcessBuilder script = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(),
                "--file=" + Path.of(System.getProperty("it.cli"), "production.cli"), "--properties=" + properties)
                .redirectErrorStream(true).redirectOutput(work.resolve("cli.log").toFile());
        // the script runs in the server's environment: the key store and the system properties resolve at once
        String dbPassword = "db-" + UUID.randomUUID();
        String lookupKey = "lk-" + UUID.randomUUID();
        Map<String, String> environment = script.environment();
        environment.put("CERTREVOKE_TLS_KEYSTORE", keyStore.toString());
        environment.put("CERTREVOKE_TLS_KEYSTORE_PASSWORD", keyStorePassword);
        environment.put("CERTREVOKE_SIGNING_KEYSTORE", signingKeyStore.toString());
        environment.put("CERTREVOKE_SIGNING_KEYSTORE_PASSWORD", signingPassword);
        environment.put("CERTREVOKE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/certrevoke");
        environment.put("CERTREVOKE_DB_USER", "certrevoke");
        environment.put("CERTREVOKE_DB_PASSWORD", dbPassword);
        environment.put("CERTREVOKE_SMTP_HOST", "smtp.example");
        environment.put("CERTREVOKE_SMTP_USER", "certrevoke");
        environment.put("CERTREVOKE_SMTP_PASSWORD", "smtp-" + UUID.randomUUID());
        environment.put("CERTREVOKE_MAIL_FROM", "revocation@ca.example");
        environment.put("CERTREVOKE_PUBLIC_URL", "https://revocation.ca.example");
        environment.put("CERTREVOKE_LOOKUP_KEY", lookupKey);
        environment.put("CERTREVOKE_API_KEYS", "sha256:00");
        Process cli = script.start();
        assertTrue(cli.waitFor(10, TimeUnit.MINUTES), "the CLI finished");
        String log = Files.readString(work.resolve("cli.log"));
        assertEquals(0, cli.exitValue(), log);

        String xml = Files.readString(configuration.resolve("standalone.xml"), StandardCharsets.UTF_8);
        for (String expected : List.of(
                "jndi-name=\"java:jboss/datasources/CertrevokeDS\"", "<driver name=\"postgresql\" module=\"org.postgresql\"",
                "${env.CERTREVOKE_DB_PASSWORD}", "<filesystem-realm name=\"certrevoke-staff\"",
                "<security-domain name=\"certrevoke-staff\"", "application-security-domain name=\"certrevoke\"",
                "wildfly.elytron.realm.certrevoke-staff.brute-force.max-failed-attempts",
                "<key-store name=\"certrevoke-tls\"", "server-ssl-context name=\"certrevoke-tls\"",
                "ssl-context=\"certrevoke-tls\"", "Strict-Transport-Security", "not secure() and not path-prefix",
                "secret-key-credential-store name=\"certrevoke-secrets\"", "microprofile-openapi-smallrye",
                "certrevoke.secrets.lookup-key", "<key-store name=\"certrevoke-signing\"",
                "<key-manager name=\"certrevoke-signing\"", "${env.CERTREVOKE_SIGNING_KEYSTORE_PASSWORD}",
                "microprofile-health-smallrye", "max-post-size=\"22020096\"",
                "target=\"https://%v:${env.CERTREVOKE_HTTPS_PORT:443}%U%q\"", "secure=\"true\"",
                "header-name=\"X-Content-Type-Options\"", "header-name=\"Content-Security-Policy\"",
                "jndi-name=\"java:jboss/ee/concurrency/scheduler/certrevoke-crl\"",
                "jndi-name=\"java:jboss/ee/concurrency/scheduler/certrevoke-mail\"")) {
            assertTrue(xml.contains(expected), "standalone.xml has " + expected);
        }
        assertFalse(xml.contains("handler=\"welcome-content\""), "WildFly's welcome page is gone");
        assertFalse(xml.contains("proxy-address-forwarding=\"true\"") || xml.contains("CERTREVOKE_BEHIND_PROXY"),
                "the application reads X-Forwarded-For itself, from trusted proxies only");
        for (String bounded : List.of("${env.CERTREVOKE_DB_WAIT_MILLIS:2000}", "${env.CERTREVOKE_DB_CONNECT_TIMEOUT:2}",
                "${env.CERTREVOKE_DB_SOCKET_TIMEOUT:30}", "<logger category=\"org.jboss.jca.core.connectionmanager.pool\"")) {
            assertTrue(xml.contains(bounded), "a database outage is bounded and quiet: standalone.xml has " + bounded);
        }
        for (String secret : List.of(keyStorePassword, signingPassword, dbPassword, lookupKey)) {
            assertFalse(xml.contains(secret), "secrets stay in the environment");
        }
        assertTrue(Files.exists(home.resolve("modules/org/postgresql/main/module.xml")), "driver module installed");
    }

    private Path keyStore(String file, String alias, String password) throws Exception {
        Path keyStore = work.resolve(file);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", alias, "-dname", "CN=" + alias,
                "-validity", "30", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return keyStore;
    }

    private static void delete(Path tree) throws IOException {
        if (Files.exists(tree)) {
            try (Stream<Path> files = Files.walk(tree)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
