package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
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
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certrevoke.it.DemoCaFixtures;
import org.certrevoke.it.DemoCertificates;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.it.HttpDates;
import org.certrevoke.publication.control.OcspCache;
import org.certrevoke.registry.entity.CertificateType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The responder as a strict RFC 5019 / RFC 9654 client sees it: every answer has a nextUpdate, as far
 * after its thisUpdate as {@code certrevoke.ocsp.validity} says (the default, 24 h, within the Baseline
 * Requirements' 8 h to 10 days), and a thisUpdate that is not in the future; GET answers carry the caching
 * headers of RFC 5019 §6.2 and nothing that forbids caching. Requests a DER-only, RFC 8954 responder refuses
 * get malformedRequest, over POST and GET, and leave nothing in the responder's cache.
 */
@ExtendWith(ArquillianExtension.class)
class OcspProfileIT {

    private static final Duration VALIDITY = Duration.ofHours(24);
    private static final long HTTP_MAX_AGE_SECONDS = 60;
    private static final Pattern CACHE_CONTROL = Pattern.compile("max-age=(\\d+), public, no-transform, must-revalidate");
    private static final ASN1ObjectIdentifier UNKNOWN = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.7");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(OcspProfileIT.class, DemoCertificates.class, DemoCaFixtures.class, Http.class,
                HttpDates.class);
    }

    @Inject
    DemoCertificates demo;

    @Inject
    DemoCaFixtures demoCa;

    @Inject
    OcspCache cache;

    @Test
    void everyAnswerGoodRevokedOrUnknownOverPostAndGetHasANextUpdateWithinTheWindow() throws Exception {
        Map<String, Class<?>> serials = Map.of(
                demoCa.validCertificate().getSerial(), CertificateStatus.class,
                demo.of("yann.lebihan@garage-taillan.example", CertificateType.AUTHENTICATION).getSerial(), RevokedStatus.class,
                "7ffffff100000000", UnknownStatus.class);

        for (Map.Entry<String, Class<?>> serial : serials.entrySet()) {
            byte[] request = request(serial.getKey());
            for (byte[] answer : List.of(post(request), post(request), get(request).body(), get(request).body(),
                    post(request(serial.getKey(), nonce(16))))) {
                SingleResp single = strictlyChecked(answer);
                if (serial.getValue() == CertificateStatus.class) {
                    assertEquals(CertificateStatus.GOOD, single.getCertStatus(), serial.getKey());
                } else {
                    assertInstanceOf(serial.getValue(), single.getCertStatus(), serial.getKey());
                }
            }
        }
    }

    @Test
    void getAnswersMayBeCachedUntilTheirMaxAgeAndAConditionalGetIsNotModified() throws Exception {
        byte[] request = request(demoCa.validCertificate().getSerial());

        HttpResponse<byte[]> response = get(request);
        SingleResp single = strictlyChecked(response.body());
        String etag = response.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> byEtag = get(request, "If-None-Match", etag);
        HttpResponse<byte[]> otherEtag = get(request, "If-None-Match", "\"other\"");
        HttpResponse<byte[]> posted = Http.post("/ocsp", "application/ocsp-request", request);

        Matcher cacheControl = CACHE_CONTROL.matcher(response.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(cacheControl.matches(), cacheControl.toString());
        long maxAge = Long.parseLong(cacheControl.group(1));
        long untilNextUpdate = (single.getNextUpdate().getTime() - System.currentTimeMillis()) / 1000;
        assertTrue(maxAge > 0 && maxAge <= HTTP_MAX_AGE_SECONDS && maxAge <= untilNextUpdate + 1, "max-age " + maxAge);
        assertEquals(single.getThisUpdate().getTime(), lastModified(response));
        assertEquals(single.getNextUpdate().getTime(),
                HttpDates.parse(response.headers().firstValue("Expires").orElseThrow()));
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{16,}\""), etag);
        assertEquals(304, byEtag.statusCode());
        assertEquals(0, byEtag.body().length);
        assertEquals(etag, byEtag.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, otherEtag.statusCode());
        for (HttpResponse<byte[]> answer : List.of(response, byEtag, otherEtag, posted)) {
            assertNothingForbidsCaching(answer);
        }
    }

    @Test
    void noncesOfZeroThirtyThreeAnd512OctetsAreMalformedAndLeaveNoCacheEntry() throws Exception {
        String serial = demoCa.validCertificate().getSerial();

        for (int length : new int[] {0, 33, 512}) {
            assertRefusedWithoutCacheEntry(request(serial, nonce(length)), "nonce of " + length + " octets");
        }
        strictlyChecked(post(request(serial, nonce(1))));
        strictlyChecked(post(request(serial, nonce(32))));
    }

    @Test
    void criticalUnknownExtensionsIndefiniteLengthsAndTrailingBytesAreRefusedAndLeaveNoCacheEntry() throws Exception {
        String serial = demoCa.validCertificate().getSerial();
        byte[] der = request(serial);
        Extension critical = new Extension(UNKNOWN, true, new DEROctetString(DERNull.INSTANCE));
        byte[] criticalSingle = new OCSPReqBuilder().addRequest(id(serial), new Extensions(critical)).build().getEncoded();
        Extension onlyOtherTypes = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_response, false,
                new DEROctetString(new DERSequence(UNKNOWN)));

        assertRefusedWithoutCacheEntry(request(serial, critical), "critical unknown request extension");
        assertRefusedWithoutCacheEntry(criticalSingle, "critical unknown single request extension");
        assertRefusedWithoutCacheEntry(request(serial, onlyOtherTypes), "acceptable responses without basic");
        assertRefusedWithoutCacheEntry(indefinite(der), "BER, indefinite length");
        assertRefusedWithoutCacheEntry(Arrays.copyOf(der, der.length + 1), "a trailing byte");
        strictlyChecked(post(request(serial, new Extension(UNKNOWN, false, new DEROctetString(DERNull.INSTANCE)))));
    }

    private void assertRefusedWithoutCacheEntry(byte[] request, String what) throws Exception {
        long entries = cache.size();
        for (int asked = 0; asked < 2; asked++) {
            HttpResponse<byte[]> posted = Http.post("/ocsp", "application/ocsp-request", request);
            HttpResponse<byte[]> got = get(request);
            for (HttpResponse<byte[]> response : List.of(posted, got)) {
                assertEquals(200, response.statusCode(), what);
                assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, new OCSPResp(response.body()).getStatus(), what);
            }
        }
        assertEquals(entries, cache.size(), what + " left a cache entry");
    }

    /** What a strict RFC 5019 client checks before it uses an answer; returns its single response. */
    private static SingleResp strictlyChecked(byte[] answer) throws Exception {
        OCSPResp response = new OCSPResp(answer);
        assertEquals(OCSPRespBuilder.SUCCESSFUL, response.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertEquals(1, basic.getResponses().length);
        SingleResp single = basic.getResponses()[0];
        Instant now = Instant.now();
        assertNotNull(single.getNextUpdate(), "RFC 5019 §2.2.4: nextUpdate");
        assertFalse(single.getThisUpdate().toInstant().isAfter(now), "thisUpdate in the future");
        assertFalse(basic.getProducedAt().toInstant().isAfter(now), "producedAt in the future");
        Duration validity = Duration.between(single.getThisUpdate().toInstant(), single.getNextUpdate().toInstant());
        assertEquals(VALIDITY, validity);
        assertTrue(validity.compareTo(Duration.ofHours(8)) >= 0 && validity.compareTo(Duration.ofDays(10)) <= 0);
        assertTrue(single.getNextUpdate().toInstant().isAfter(now), "expired answer");
        return single;
    }

    private static void assertNothingForbidsCaching(HttpResponse<byte[]> response) {
        List<String> cacheControl = new ArrayList<>(response.headers().allValues("Cache-Control"));
        for (String value : cacheControl) {
            String lower = value.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("no-store") || lower.contains("no-cache") || lower.contains("private"),
                    response.uri() + ": " + value);
        }
        assertTrue(response.headers().allValues("Pragma").isEmpty(), response.uri() + ": Pragma");
    }

    private static long lastModified(HttpResponse<byte[]> response) {
        return HttpDates.parse(response.headers().firstValue("Last-Modified").orElseThrow());
    }

    private byte[] request(String serial, Extension... extensions) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id(serial));
        if (extensions.length > 0) {
            builder.setRequestExtensions(new Extensions(extensions));
        }
        return builder.build().getEncoded();
    }

    private CertificateID id(String serial) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(demo.caCertificate()), new BigInteger(serial, 16));
    }

    /** RFC 8954's nonce extension: an OCTET STRING of this many octets as the extension's value. */
    private static Extension nonce(int length) throws Exception {
        byte[] nonce = new byte[length];
        RANDOM.nextBytes(nonce);
        return new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new DEROctetString(nonce).getEncoded()));
    }

    private static byte[] post(byte[] request) {
        HttpResponse<byte[]> response = Http.post("/ocsp", "application/ocsp-request", request);
        assertEquals(200, response.statusCode());
        assertEquals("application/ocsp-response", response.headers().firstValue("Content-Type").orElseThrow());
        return response.body();
    }

    private static HttpResponse<byte[]> get(byte[] request, String... headers) {
        String path = "/ocsp/" + URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);
        return Http.get(path, headers);
    }

    /** The outer SEQUENCE with an indefinite length (BER), its content unchanged. */
    private static byte[] indefinite(byte[] der) {
        int lengthOctets = (der[1] & 0x80) == 0 ? 1 : 1 + (der[1] & 0x7f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(0x80);
        out.write(der, 1 + lengthOctets, der.length - 1 - lengthOctets);
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }
}
