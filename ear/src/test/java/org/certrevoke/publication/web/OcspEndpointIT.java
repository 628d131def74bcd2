package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certrevoke.it.CommandLine;
import org.certrevoke.it.Crls;
import org.certrevoke.it.DemoCaFixtures;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.Http;
import org.certrevoke.it.OpenSsl;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.revocation.boundary.Revocations;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OCSP responder as clients reach it over HTTP: openssl before and right after a revocation, and
 * hand-made requests for the error statuses. Inside the server so that the revocation goes through the
 * one boundary that revokes, and the test can ask the very moment it returns, as a result page would.
 */
@ExtendWith(ArquillianExtension.class)
class OcspEndpointIT {

    private static final String ERWAN = "erwan.tanguy@kouign-aman.example";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(OcspEndpointIT.class, DemoCertificates.class, DemoCaFixtures.class, Fixtures.class, OpenSsl.class, CommandLine.class,
                Http.class, Crls.class);
    }

    @Inject
    DemoCertificates demo;

    @Inject
    Fixtures fixtures;

    @Inject
    DemoCaFixtures demoCa;

    @Inject
    Revocations revocations;

    @Test
    void opensslSeesGoodThenRevokedRightAfterTheRevocationAndTheNextCrlListsIt() throws Exception {
        Certificate erwan = demo.of(ERWAN, CertificateType.SIGNATURE);
        Path directory = Files.createTempDirectory("ocsp-it");
        Path ca = OpenSsl.pem(directory, "ca.pem", demo.caCertificate());
        Path certificate = OpenSsl.pem(directory, "erwan.pem", erwan.getDer());

        CommandLine.Result before = ocsp(ca, certificate, "-no_nonce");
        CommandLine.Result beforeWithNonce = ocsp(ca, certificate);
        revocations.revoke(erwan.getId(), RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE,
                new Requester(Requester.Kind.HOLDER, "Erwan Tanguy"), "192.0.2.60");
        long revokedAt = System.nanoTime();
        CommandLine.Result after = ocsp(ca, certificate, "-no_nonce");
        long ocspMillis = (System.nanoTime() - revokedAt) / 1_000_000;
        CommandLine.Result afterWithNonce = ocsp(ca, certificate);
        Crls.await(DemoCertificates.CA_ALIAS,
                crl -> crl.getRevokedCertificate(new BigInteger(erwan.getSerial(), 16)) != null, Duration.ofSeconds(60));
        long crlMillis = (System.nanoTime() - revokedAt) / 1_000_000;
        System.out.printf("revoke -> OCSP revoked (openssl, process start included): %d ms; revoke -> CRL: %d ms%n",
                ocspMillis, crlMillis);

        assertTrue(before.output().contains("erwan.pem: good"), before.output());
        assertTrue(before.output().contains("Response verify OK"), before.output());
        assertTrue(beforeWithNonce.output().contains("erwan.pem: good"), beforeWithNonce.output());
        assertTrue(after.output().contains("erwan.pem: revoked"), after.output());
        assertTrue(after.output().contains("Reason: keyCompromise"), after.output());
        assertTrue(after.output().contains("Response verify OK"), after.output());
        assertTrue(afterWithNonce.output().contains("erwan.pem: revoked"), afterWithNonce.output());
        assertTrue(afterWithNonce.output().contains("Response verify OK"), afterWithNonce.output());
    }

    @Test
    void echoesTheNonceAndSignsWithTheDelegatedResponder() throws Exception {
        Certificate valid = demoCa.validCertificate();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Extension nonceExtension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(nonce));
        byte[] request = new OCSPReqBuilder().addRequest(id(demo.caCertificate(), valid.getSerial()))
                .setRequestExtensions(new Extensions(nonceExtension)).build().getEncoded();

        BasicOCSPResp response = successful(post(request));

        assertEquals(nonceExtension, response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
        assertEquals(CertificateStatus.GOOD, response.getResponses()[0].getCertStatus());
        X509CertificateHolder responder = response.getCerts()[0];
        assertTrue(response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder)));
        assertTrue(responder.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(new X509CertificateHolder(demo.caCertificate()))));
        assertTrue(responder.getExtensions().getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck) != null);
    }

    @Test
    void answersGetRequestsWithTheBase64RequestInThePath() throws Exception {
        Certificate valid = demoCa.validCertificate();
        byte[] request = new OCSPReqBuilder().addRequest(id(demo.caCertificate(), valid.getSerial())).build()
                .getEncoded();
        String path = "/ocsp/" + URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);

        BasicOCSPResp response = successful(Http.get(path).body());

        assertEquals(CertificateStatus.GOOD, response.getResponses()[0].getCertStatus());
    }

    @Test
    void answersRevokedWithTimeAndReasonForTheRevokedDemoCertificate() throws Exception {
        Certificate yann = demo.of("yann.lebihan@garage-taillan.example", CertificateType.AUTHENTICATION);
        byte[] request = new OCSPReqBuilder().addRequest(id(demo.caCertificate(), yann.getSerial())).build()
                .getEncoded();

        RevokedStatus status = assertInstanceOf(RevokedStatus.class,
                successful(post(request)).getResponses()[0].getCertStatus());

        assertEquals(yann.getRevokedAt().toEpochMilli(), status.getRevocationTime().getTime());
        assertEquals(CrlReason.SUPERSEDED.code(), status.getRevocationReason());
    }

    @Test
    void answersUnknownForASerialTheCaNeverIssued() throws Exception {
        byte[] request = new OCSPReqBuilder().addRequest(id(demo.caCertificate(), "7fffffff00000000")).build()
                .getEncoded();

        assertInstanceOf(UnknownStatus.class, successful(post(request)).getResponses()[0].getCertStatus());
    }

    @Test
    void answersUnauthorizedForAnIssuerWeDoNotServe() throws Exception {
        Fixtures.Issued issued = fixtures.validCertificate();
        Certificate certificate = fixtures.certificate(issued.certificateId());
        byte[] request = new OCSPReqBuilder().addRequest(id(certificate.getAuthority().getCertificateDer(),
                issued.serial())).build().getEncoded();

        assertEquals(OCSPRespBuilder.UNAUTHORIZED, status(post(request)));
    }

    @Test
    void answersARepeatedRequestWithoutNonceWithTheSameSignedAnswer() throws Exception {
        Certificate valid = demoCa.validCertificate();
        byte[] request = new OCSPReqBuilder().addRequest(id(demo.caCertificate(), valid.getSerial())).build()
                .getEncoded();

        byte[] first = post(request);
        byte[] second = post(request);

        assertEquals(CertificateStatus.GOOD, successful(first).getResponses()[0].getCertStatus());
        // ECDSA signatures differ each time: equal bytes mean the second answer was not signed again
        assertArrayEquals(first, second);
    }

    @Test
    void answersEveryCertificateOfARequestTheSameOnceTheirStatusesAreKnown() throws Exception {
        Certificate valid = demoCa.validCertificate();
        Certificate yann = demo.of("yann.lebihan@garage-taillan.example", CertificateType.AUTHENTICATION);
        Extension nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        byte[] request = new OCSPReqBuilder().addRequest(id(demo.caCertificate(), valid.getSerial()))
                .addRequest(id(demo.caCertificate(), yann.getSerial()))
                .addRequest(id(demo.caCertificate(), "7ffffffe00000000"))
                .setRequestExtensions(new Extensions(nonce)).build().getEncoded();
        Fixtures.Issued foreign = fixtures.validCertificate();
        byte[] mixed = new OCSPReqBuilder().addRequest(id(demo.caCertificate(), valid.getSerial()))
                .addRequest(id(fixtures.certificate(foreign.certificateId()).getAuthority().getCertificateDer(),
                        foreign.serial())).build().getEncoded();

        for (int asked = 0; asked < 2; asked++) {
            BasicOCSPResp response = successful(post(request));

            assertEquals(3, response.getResponses().length);
            assertEquals(CertificateStatus.GOOD, response.getResponses()[0].getCertStatus());
            assertInstanceOf(RevokedStatus.class, response.getResponses()[1].getCertStatus());
            assertInstanceOf(UnknownStatus.class, response.getResponses()[2].getCertStatus());
            assertEquals(nonce, response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
            assertEquals(OCSPRespBuilder.UNAUTHORIZED, status(post(mixed)));
        }
    }

    @Test
    void answersMalformedRequestToGarbageAndOversizedBodiesWithoutServerError() {
        byte[] oversized = new byte[64 * 1024];
        RANDOM.nextBytes(oversized);

        HttpResponse<byte[]> garbage = Http.post("/ocsp", "application/ocsp-request",
                "not an OCSP request".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> empty = Http.post("/ocsp", "application/ocsp-request", new byte[0]);
        HttpResponse<byte[]> tooLarge = Http.post("/ocsp", "application/ocsp-request", oversized);
        HttpResponse<byte[]> badBase64 = Http.get("/ocsp/%25%25not-base64");
        HttpResponse<byte[]> noRequest = Http.get("/ocsp");

        for (HttpResponse<byte[]> response : new HttpResponse[] {garbage, empty, tooLarge, badBase64, noRequest}) {
            assertEquals(200, response.statusCode(), response.uri().toString());
            assertEquals("application/ocsp-response", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, status(response.body()), response.uri().toString());
        }
    }

    private static CommandLine.Result ocsp(Path ca, Path certificate, String... options) {
        String[] base = {"ocsp", "-issuer", ca.toString(), "-cert", certificate.toString(), "-url", Http.url("/ocsp"),
            "-CAfile", ca.toString()};
        String[] arguments = new String[base.length + options.length];
        System.arraycopy(base, 0, arguments, 0, base.length);
        System.arraycopy(options, 0, arguments, base.length, options.length);
        return OpenSsl.run(arguments);
    }

    private static CertificateID id(byte[] issuer, String serial) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuer), new BigInteger(serial, 16));
    }

    private static byte[] post(byte[] request) {
        HttpResponse<byte[]> response = Http.post("/ocsp", "application/ocsp-request", request);
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static int status(byte[] response) {
        try {
            return new OCSPResp(response).getStatus();
        } catch (java.io.IOException e) {
            throw new AssertionError("Not an OCSP response", e);
        }
    }

    private static BasicOCSPResp successful(byte[] response) throws Exception {
        OCSPResp parsed = new OCSPResp(response);
        assertEquals(OCSPRespBuilder.SUCCESSFUL, parsed.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) parsed.getResponseObject();
        assertNotNull(basic.getResponses()[0].getNextUpdate());
        return basic;
    }
}
