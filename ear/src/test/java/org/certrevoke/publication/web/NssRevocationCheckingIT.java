package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.certrevoke.it.CommandLine;
import org.certrevoke.it.Crls;
import org.certrevoke.it.DemoCaFixtures;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * NSS, Firefox's and Thunderbird's library, as a relying party (Debian's {@code libnss3-tools}), with the
 * demo CA trusted in a fresh database: {@code crlutil -I} imports the CRL only once its signature checks
 * out; {@code vfychain} (libpkix, leaf checked) accepts a valid client certificate and rejects the revoked
 * demo certificate by that CRL (fetching forbidden: the imported one decides), then by OCSP, which it asks
 * at the address in the certificate, failing without a fresh answer.
 */
@ExtendWith(ArquillianExtension.class)
class NssRevocationCheckingIT {

    private static final String REVOKED_HOLDER = "yann.lebihan@garage-taillan.example";
    private static final String SSL_CLIENT = "0";
    /** OCSP, asked at the certificate's AIA address; an answer past its nextUpdate or none at all fails. */
    private static final String[] OCSP_ONLY = {"-h", "requireFreshInfo", "-m", "ocsp", "-s", "failIfNoInfo"};

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(NssRevocationCheckingIT.class, DemoCertificates.class, DemoCaFixtures.class,
                Http.class, Crls.class, CommandLine.class);
    }

    @Inject
    DemoCertificates demo;

    @Inject
    DemoCaFixtures demoCa;

    @Test
    void crlutilImportsTheCrlAndVfychainAcceptsAValidCertificateAndRejectsTheRevokedOneByIt() throws Exception {
        Certificate revoked = demo.of(REVOKED_HOLDER, CertificateType.AUTHENTICATION);
        Certificate valid = demoCa.validCertificate();
        Path database = database();
        Path crl = CommandLine.der(database, "demo-ca.crl", Crls.await(DemoCertificates.CA_ALIAS,
                published -> published.getRevokedCertificate(new BigInteger(revoked.getSerial(), 16)) != null,
                Duration.ofSeconds(60)));

        CommandLine.Result imported = CommandLine.run("crlutil", "-I", "-d", "sql:" + database, "-i", crl.toString());
        CommandLine.Result listed = CommandLine.run("crlutil", "-L", "-d", "sql:" + database);
        CommandLine.Result accepted = vfychain(database, valid, "-m", "crl", "-s", "forbidFetching");
        CommandLine.Result rejected = vfychain(database, revoked, "-m", "crl", "-s", "forbidFetching");

        assertEquals(0, imported.exitCode(), imported.output());
        assertTrue(listed.output().contains("demo-ca"), listed.output());
        assertEquals(0, accepted.exitCode(), accepted.output());
        assertTrue(accepted.output().contains("Chain is good!"), accepted.output());
        assertNotEquals(0, rejected.exitCode(), rejected.output());
        assertTrue(rejected.output().contains("ERROR -8180: Peer's Certificate has been revoked"), rejected.output());
    }

    @Test
    void vfychainAcceptsAValidCertificateAndRejectsTheRevokedOneByOcsp() throws Exception {
        Path database = database();

        CommandLine.Result accepted = vfychain(database, demoCa.validCertificate(), OCSP_ONLY);
        CommandLine.Result rejected = vfychain(database, demo.of(REVOKED_HOLDER, CertificateType.AUTHENTICATION),
                OCSP_ONLY);

        assertEquals(0, accepted.exitCode(), accepted.output());
        assertTrue(accepted.output().contains("Chain is good!"), accepted.output());
        assertNotEquals(0, rejected.exitCode(), rejected.output());
        assertTrue(rejected.output().contains("ERROR -8180: Peer's Certificate has been revoked"), rejected.output());
    }

    /** A fresh NSS database that trusts the demo CA (and nothing else). */
    private Path database() throws Exception {
        Path directory = Files.createTempDirectory("nss");
        Path ca = CommandLine.der(directory, "ca.der", demo.caCertificate());
        CommandLine.Result created = CommandLine.run("certutil", "-N", "-d", "sql:" + directory, "--empty-password");
        assertEquals(0, created.exitCode(), created.output());
        CommandLine.Result added = CommandLine.run("certutil", "-A", "-d", "sql:" + directory, "-n", "demo-ca",
                "-t", "CT,C,C", "-i", ca.toString());
        assertEquals(0, added.exitCode(), added.output());
        return directory;
    }

    /** Validates the certificate for an SSL client with libpkix, checking the leaf as {@code method} says. */
    private static CommandLine.Result vfychain(Path database, Certificate certificate, String... method) {
        Path der = CommandLine.der(database, certificate.getSerial() + ".der", certificate.getDer());
        List<String> command = new ArrayList<>(List.of("vfychain", "-d", "sql:" + database, "-pp", "-u", SSL_CLIENT,
                "-g", "leaf"));
        command.addAll(List.of(method));
        command.add(der.toString());
        return CommandLine.run(command);
    }
}
