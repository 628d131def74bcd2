package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.certrevoke.it.Crls;
import org.certrevoke.it.DemoCaFixtures;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.registry.entity.CertificateType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JDK's own PKIX validation as a relying party: it follows the certificates' AIA to our OCSP
 * responder, or reads our CRL, and must reject the revoked demo certificate and accept a valid one.
 */
@ExtendWith(ArquillianExtension.class)
class JdkRevocationCheckingIT {

    private static final String REVOKED_HOLDER = "yann.lebihan@garage-taillan.example";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(JdkRevocationCheckingIT.class, DemoCertificates.class, DemoCaFixtures.class, Http.class, Crls.class);
    }

    @Inject
    DemoCertificates demo;

    @Inject
    DemoCaFixtures demoCa;

    @Test
    void ocspCheckingRejectsTheRevokedCertificateAndAcceptsAValidOne() throws Exception {
        CertPathValidatorException rejected = assertThrows(CertPathValidatorException.class,
                () -> validate(revoked(), EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK), List.of()));

        assertEquals(CertPathValidatorException.BasicReason.REVOKED, rejected.getReason());
        assertDoesNotThrow(() -> validate(demoCa.validCertificate().getDer(),
                EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK), List.of()));
    }

    @Test
    void crlOnlyCheckingRejectsTheRevokedCertificateAndAcceptsAValidOne() throws Exception {
        List<Object> crl = List.of(Crls.parse(Crls.await(DemoCertificates.CA_ALIAS, published -> true,
                Duration.ofSeconds(60))));
        EnumSet<PKIXRevocationChecker.Option> crlOnly = EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK);

        CertPathValidatorException rejected = assertThrows(CertPathValidatorException.class,
                () -> validate(revoked(), crlOnly, crl));

        assertEquals(CertPathValidatorException.BasicReason.REVOKED, rejected.getReason());
        assertDoesNotThrow(() -> validate(demoCa.validCertificate().getDer(), crlOnly, crl));
    }

    private byte[] revoked() {
        return demo.of(REVOKED_HOLDER, CertificateType.AUTHENTICATION).getDer();
    }

    private void validate(byte[] der, Set<PKIXRevocationChecker.Option> options, List<Object> crls)
            throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate ca = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(demo.caCertificate()));
        X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        CertPath path = factory.generateCertPath(List.of(certificate));
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(options);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.addCertPathChecker(checker);
        if (!crls.isEmpty()) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        }
        validator.validate(path, parameters);
    }
}
