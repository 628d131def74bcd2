package org.certrevoke.publication.web;

import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certrevoke.it.CrlListings;
import org.certrevoke.it.Crls;
import org.certrevoke.it.DemoCaFixtures;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.registry.entity.Certificate;
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
 * Figures, not assertions: how long after a revocation relying parties see it. Certificates of the demo CA
 * are first asked for over HTTP (so their "good" answers are cached, as a busy responder's would be), then
 * revoked one after another at random intervals; right after each revocation the same OCSP request is sent
 * until the answer says revoked, while another thread fetches the published CRL twice a second and notes
 * when each serial appears in it. Prints the median, p99 and longest time from the revocation call to the
 * first "revoked" answer and to the CRL listing it.
 * Run with {@code mvn -B -ntp verify -Pbench -Dit.test=RevocationLatencyBench} (plus the port options).
 */
@ExtendWith(ArquillianExtension.class)
class RevocationLatencyBench {

    private static final int REVOCATIONS = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(RevocationLatencyBench.class, DemoCaFixtures.class, Http.class, Crls.class,
                CrlListings.class);
    }

    @Inject
    DemoCaFixtures demoCa;

    @Inject
    Revocations revocations;

    @Test
    void printsTimesFromRevocationToOcspAndCrl() throws Exception {
        X509CertificateHolder ca = new X509CertificateHolder(Http.get("/ca/demo-ca.crt").body());
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        List<Certificate> certificates = new ArrayList<>();
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < REVOCATIONS; i++) {
            Certificate certificate = demoCa.validCertificate();
            byte[] request = new OCSPReqBuilder().addRequest(new CertificateID(sha1, ca,
                    new BigInteger(certificate.getSerial(), 16))).build().getEncoded();
            if (revoked(request)) {
                throw new IllegalStateException("a fresh certificate is answered revoked");
            }
            certificates.add(certificate);
            requests.add(request);
        }

        CrlListings listings = new CrlListings("demo-ca", certificates.stream().map(Certificate::getSerial).toList());
        Map<String, Long> listedAt = listings.listedAt();
        long[] callToOcsp = new long[REVOCATIONS];
        long[] commitToOcsp = new long[REVOCATIONS];
        long[] returnedAt = new long[REVOCATIONS];
        int polls = 0;
        for (int i = 0; i < REVOCATIONS; i++) {
            Thread.sleep(RANDOM.nextInt(600));
            long called = System.nanoTime();
            revocations.revoke(certificates.get(i).getId(), RevocationReason.KEY_COMPROMISE, CrlReason.KEY_COMPROMISE,
                    new Requester(Requester.Kind.HOLDER, "Tugdual Valide"), "192.0.2.61");
            returnedAt[i] = System.nanoTime();
            do {
                polls++;
            } while (!revoked(requests.get(i)));
            long seen = System.nanoTime();
            callToOcsp[i] = seen - called;
            commitToOcsp[i] = seen - returnedAt[i];
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (listedAt.size() < REVOCATIONS && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        listings.close();
        long[] toCrl = new long[listedAt.size()];
        for (int i = 0, n = 0; i < REVOCATIONS; i++) {
            Long listed = listedAt.get(certificates.get(i).getSerial());
            if (listed != null) {
                toCrl[n++] = listed - returnedAt[i];
            }
        }

        System.out.printf("%d revocations, %d OCSP requests until each answer said revoked (%.2f per revocation)%n",
                REVOCATIONS, polls, (double) polls / REVOCATIONS);
        CrlListings.print("revocation call -> OCSP revoked", callToOcsp);
        CrlListings.print("revocation returned (committed) -> OCSP revoked", commitToOcsp);
        CrlListings.print("revocation returned (committed) -> listed in the CRL (fetched every 500 ms) [" + toCrl.length + " of "
                + REVOCATIONS + " listed within 120 s of the last]", toCrl);
    }

    private static boolean revoked(byte[] request) throws Exception {
        HttpResponse<byte[]> response;
        try {
            response = Http.post("/ocsp", "application/ocsp-request", request);
        } catch (UncheckedIOException e) {
            // JDK 17's client now and then loses a pooled keep-alive connection under a POST: ask again
            return false;
        }
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response.body()).getResponseObject();
        return basic.getResponses()[0].getCertStatus() instanceof RevokedStatus;
    }
}
