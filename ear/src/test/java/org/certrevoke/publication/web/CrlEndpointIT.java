package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.Locale;
import org.certrevoke.it.CommandLine;
import org.certrevoke.it.Crls;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.it.HttpDates;
import org.certrevoke.it.OpenSsl;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo CA's CRL as relying parties get it over HTTP, checked by openssl. Runs inside the server only
 * to read the demo certificates' serials; every request goes through the public URL.
 */
@ExtendWith(ArquillianExtension.class)
class CrlEndpointIT {

    private static final String CRL_PATH = "/crl/" + DemoCertificates.CA_ALIAS + ".crl";
    private static final String YANN = "yann.lebihan@garage-taillan.example";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(CrlEndpointIT.class, DemoCertificates.class, OpenSsl.class, CommandLine.class, Http.class,
                HttpDates.class, Crls.class);
    }

    @Inject
    DemoCertificates demo;

    @Test
    void opensslVerifiesTheCrlAndFindsTheRevokedDemoCertificateWithItsReason() throws Exception {
        Certificate revoked = demo.of(YANN, CertificateType.AUTHENTICATION);
        Path directory = Files.createTempDirectory("crl-it");
        Path crl = Files.write(directory.resolve("demo-ca.crl"), Crls.await(DemoCertificates.CA_ALIAS,
                published -> published.getRevokedCertificate(new BigInteger(revoked.getSerial(), 16)) != null,
                Duration.ofSeconds(60)));
        Path ca = OpenSsl.pem(directory, "ca.pem", demo.caCertificate());

        CommandLine.Result verified = OpenSsl.run("crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", ca.toString(),
                "-noout");
        CommandLine.Result text = OpenSsl.run("crl", "-inform", "DER", "-in", crl.toString(), "-noout", "-text");

        assertEquals(0, verified.exitCode(), verified.output());
        assertTrue(verified.output().contains("verify OK"), verified.output());
        String listing = text.output();
        int entry = listing.indexOf("Serial Number: " + revoked.getSerial().toUpperCase(Locale.ROOT));
        assertTrue(entry > 0, listing);
        assertTrue(listing.indexOf("Superseded", entry) > entry, listing);
        assertTrue(listing.contains("Version 2 (0x1)"), listing);
        assertTrue(listing.contains("X509v3 CRL Number"), listing);
        assertTrue(listing.contains("X509v3 Authority Key Identifier"), listing);
        assertTrue(listing.contains("Next Update"), listing);
    }

    @Test
    void servesTheCrlAsPkixCrlCacheableForTheCheckIntervalOnly() {
        Crls.await(DemoCertificates.CA_ALIAS, published -> true, Duration.ofSeconds(60));

        HttpResponse<byte[]> response = Http.get(CRL_PATH);

        assertEquals(200, response.statusCode());
        assertEquals("application/pkix-crl", response.headers().firstValue("Content-Type").orElseThrow());
        X509CRL crl = Crls.parse(response.body());
        String cacheControl = response.headers().firstValue("Cache-Control").orElseThrow();
        assertTrue(cacheControl.matches("max-age=\\d+, public, no-transform, must-revalidate"), cacheControl);
        long maxAge = Long.parseLong(cacheControl.replaceAll("max-age=(\\d+).*", "$1"));
        long untilNextUpdate = (crl.getNextUpdate().getTime() - System.currentTimeMillis()) / 1000;
        // certrevoke.crl.http.max-age defaults to the check interval, 15 s: a cache in front never keeps a CRL
        // that misses a revocation for longer than the service takes to issue the next one
        assertTrue(maxAge <= 15 && maxAge <= untilNextUpdate, maxAge + " vs " + untilNextUpdate);
        long expires = HttpDates.parse(response.headers().firstValue("Expires").orElseThrow());
        assertTrue(expires <= System.currentTimeMillis() + 16_000, "Expires within the max-age");
        assertTrue(response.headers().firstValue("Last-Modified").isPresent());
    }

    @Test
    void answersNotModifiedToAClientHoldingTheCurrentCrl() {
        Crls.await(DemoCertificates.CA_ALIAS, published -> true, Duration.ofSeconds(60));
        HttpResponse<byte[]> first = Http.get(CRL_PATH);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> byEtag = Http.get(CRL_PATH, "If-None-Match", etag);
        HttpResponse<byte[]> byDate = Http.get(CRL_PATH, "If-Modified-Since",
                first.headers().firstValue("Last-Modified").orElseThrow());
        HttpResponse<byte[]> otherEtag = Http.get(CRL_PATH, "If-None-Match", "\"0\"");

        assertEquals(304, byEtag.statusCode());
        assertEquals(0, byEtag.body().length);
        assertEquals(304, byDate.statusCode());
        assertEquals(200, otherEtag.statusCode());
    }

    @Test
    void servesTheCaCertificateWhereTheCertificatesPoint() {
        HttpResponse<byte[]> response = Http.get("/ca/" + DemoCertificates.CA_ALIAS + ".crt");

        assertEquals(200, response.statusCode());
        assertEquals("application/pkix-cert", response.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(demo.caCertificate(), response.body());
    }

    @Test
    void answersNotFoundForACaWeDoNotServe() {
        assertEquals(404, Http.get("/crl/no-such-ca.crl").statusCode());
        assertEquals(404, Http.get("/crl/..%2Fweb.xml").statusCode());
        assertEquals(404, Http.get("/ca/no-such-ca.crt").statusCode());
    }
}
