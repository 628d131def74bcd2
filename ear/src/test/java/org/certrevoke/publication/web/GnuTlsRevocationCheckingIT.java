package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * GnuTLS as a relying party (Debian's {@code gnutls-bin}): {@code certtool} verifies the CRL's signature
 * and, with the CRL loaded, accepts a valid certificate and rejects the revoked demo certificate;
 * {@code ocsptool} asks the responder, verifies the answer (including its nextUpdate) and says good, then
 * revoked.
 */
@ExtendWith(ArquillianExtension.class)
class GnuTlsRevocationCheckingIT {

    private static final String REVOKED_HOLDER = "yann.lebihan@garage-taillan.example";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(GnuTlsRevocationCheckingIT.class, DemoCertificates.class, DemoCaFixtures.class,
                Http.class, Crls.class, CommandLine.class);
    }

    @Inject
    DemoCertificates demo;

    @Inject
    DemoCaFixtures demoCa;

    @Test
    void certtoolVerifiesTheCrlAndByItAcceptsAValidCertificateAndRejectsTheRevokedOne() throws Exception {
        Certificate revoked = demo.of(REVOKED_HOLDER, CertificateType.AUTHENTICATION);
        Certificate valid = demoCa.validCertificate();
        Path directory = Files.createTempDirectory("gnutls-crl");
        Path crl = CommandLine.pem(directory, "crl.pem", "X509 CRL", Crls.await(DemoCertificates.CA_ALIAS,
                published -> published.getRevokedCertificate(new BigInteger(revoked.getSerial(), 16)) != null,
                Duration.ofSeconds(60)));
        Path ca = CommandLine.pem(directory, "ca.pem", demo.caCertificate());

        CommandLine.Result verified = CommandLine.run("certtool", "--verify-crl", "--load-ca-certificate", ca.toString(),
                "--infile", crl.toString());
        CommandLine.Result accepted = verify(directory, ca, crl, valid);
        CommandLine.Result rejected = verify(directory, ca, crl, revoked);

        assertEquals(0, verified.exitCode(), verified.output());
        assertTrue(verified.output().contains("Verified"), verified.output());
        assertEquals(0, accepted.exitCode(), accepted.output());
        assertTrue(accepted.output().contains("The certificate is trusted"), accepted.output());
        assertNotEquals(0, rejected.exitCode(), rejected.output());
        assertTrue(rejected.output().contains("revoked"), rejected.output());
    }

    @Test
    void ocsptoolSaysGoodForAValidCertificateAndRevokedForTheRevokedOne() throws Exception {
        Path directory = Files.createTempDirectory("gnutls-ocsp");
        Path ca = CommandLine.pem(directory, "ca.pem", demo.caCertificate());

        CommandLine.Result good = ask(directory, ca, demoCa.validCertificate());
        CommandLine.Result revoked = ask(directory, ca, demo.of(REVOKED_HOLDER, CertificateType.AUTHENTICATION));

        assertEquals(0, good.exitCode(), good.output());
        assertTrue(good.output().contains("Certificate Status: good"), good.output());
        assertTrue(good.output().contains("Next Update:"), good.output());
        assertTrue(good.output().contains("Verifying OCSP Response: Success."), good.output());
        assertTrue(revoked.output().contains("Certificate Status: revoked"), revoked.output());
        assertTrue(revoked.output().contains("Verifying OCSP Response: Success."), revoked.output());
    }

    private static CommandLine.Result verify(Path directory, Path ca, Path crl, Certificate certificate) {
        Path pem = CommandLine.pem(directory, certificate.getSerial() + ".pem", certificate.getDer());
        return CommandLine.run("certtool", "--verify", "--load-ca-certificate", ca.toString(), "--load-crl", crl.toString(),
                "--infile", pem.toString());
    }

    private static CommandLine.Result ask(Path directory, Path ca, Certificate certificate) {
        Path pem = CommandLine.pem(directory, certificate.getSerial() + ".pem", certificate.getDer());
        return CommandLine.run("ocsptool", "--ask=" + Http.url("/ocsp"), "--load-cert", pem.toString(), "--load-issuer",
                ca.toString(), "--load-trust", ca.toString());
    }
}
