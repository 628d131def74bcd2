package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certrevoke.it.Crls;
import org.certrevoke.it.DemoCaFixtures;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.registry.boundary.RegistrationAuthority;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.RevocationReason;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a revocation states beyond its time and reason: the invalidity date the registration authority
 * gives (RFC 5280 §5.3.2), in the CRL entry as the JDK reads it and in the OCSP single response as Bouncy
 * Castle reads it; and that an expired certificate's revocation is still published (ETSI EN 319 411-2):
 * ExpiredCertsOnCRL in the CRL, archiveCutoff in the OCSP answer (RFC 6960 §4.4.4), both the CA
 * certificate's notBefore.
 */
@ExtendWith(ArquillianExtension.class)
class InvalidityAndRetentionIT {

    private static final String INVALIDITY_DATE = "2.5.29.24";
    private static final String EXPIRED_CERTS_ON_CRL = "2.5.29.60";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(InvalidityAndRetentionIT.class, DemoCertificates.class, DemoCaFixtures.class,
                Http.class, Crls.class);
    }

    @Inject
    DemoCertificates demo;

    @Inject
    DemoCaFixtures demoCa;

    @Inject
    RegistrationAuthority registrationAuthority;

    @Test
    void theInvalidityDateIsInTheCrlEntryAndTheOcspAnswer() throws Exception {
        Certificate certificate = demoCa.validCertificate();
        Instant invalidSince = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(6));
        BigInteger serial = new BigInteger(certificate.getSerial(), 16);

        registrationAuthority.revoke(DemoCertificates.CA_ALIAS, certificate.getSerial(), RevocationReason.KEY_COMPROMISE,
                invalidSince, new RegistrationAuthority.Caller("it", "192.0.2.71"));
        SingleResp answer = ocsp(certificate.getSerial());
        X509CRL crl = Crls.parse(Crls.await(DemoCertificates.CA_ALIAS,
                published -> published.getRevokedCertificate(serial) != null, Duration.ofSeconds(60)));

        assertInstanceOf(RevokedStatus.class, answer.getCertStatus());
        assertEquals(invalidSince, generalizedTime(answer.getExtension(Extension.invalidityDate).getParsedValue()));
        assertFalse(answer.getExtension(Extension.invalidityDate).isCritical());
        X509CRLEntry entry = crl.getRevokedCertificate(serial);
        assertEquals(invalidSince, generalizedTime(ASN1OctetString.getInstance(entry.getExtensionValue(INVALIDITY_DATE))
                .getOctets()));
        assertFalse(entry.getCriticalExtensionOIDs() != null && entry.getCriticalExtensionOIDs().contains(INVALIDITY_DATE));
    }

    @Test
    void anExpiredRevokedCertificateStaysOnTheCrlAndItsAnswerHasAnArchiveCutoff() throws Exception {
        Certificate expired = demoCa.expiredRevokedCertificate();
        Certificate valid = demoCa.validCertificate();
        BigInteger serial = new BigInteger(expired.getSerial(), 16);
        Instant caCreated = new X509CertificateHolder(demo.caCertificate()).getNotBefore().toInstant();

        SingleResp answer = ocsp(expired.getSerial());
        SingleResp validAnswer = ocsp(valid.getSerial());
        X509CRL crl = Crls.parse(Crls.await(DemoCertificates.CA_ALIAS,
                published -> published.getRevokedCertificate(serial) != null, Duration.ofSeconds(60)));

        assertInstanceOf(RevokedStatus.class, answer.getCertStatus());
        assertNotNull(answer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff), "archiveCutoff");
        assertEquals(caCreated, generalizedTime(
                answer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff).getParsedValue()));
        assertEquals(expired.getInvalidityDate(), generalizedTime(answer.getExtension(Extension.invalidityDate)
                .getParsedValue()));
        assertNull(validAnswer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff));
        assertNotNull(crl.getExtensionValue(EXPIRED_CERTS_ON_CRL), "ExpiredCertsOnCRL");
        assertEquals(caCreated, generalizedTime(ASN1OctetString.getInstance(crl.getExtensionValue(EXPIRED_CERTS_ON_CRL))
                .getOctets()));
        assertFalse(crl.getCriticalExtensionOIDs().contains(EXPIRED_CERTS_ON_CRL));
        assertNotNull(crl.getRevokedCertificate(serial).getExtensionValue(INVALIDITY_DATE));
    }

    private SingleResp ocsp(String serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(demo.caCertificate()), new BigInteger(serial, 16));
        HttpResponse<byte[]> response = Http.post("/ocsp", "application/ocsp-request",
                new OCSPReqBuilder().addRequest(id).build().getEncoded());
        assertEquals(200, response.statusCode());
        OCSPResp parsed = new OCSPResp(response.body());
        assertEquals(OCSPResp.SUCCESSFUL, parsed.getStatus());
        return ((BasicOCSPResp) parsed.getResponseObject()).getResponses()[0];
    }

    private static Instant generalizedTime(Object encoded) throws Exception {
        ASN1GeneralizedTime time = encoded instanceof byte[] bytes ? ASN1GeneralizedTime.getInstance(bytes)
                : ASN1GeneralizedTime.getInstance(encoded);
        Date date = time.getDate();
        return date.toInstant();
    }
}
