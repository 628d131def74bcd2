package org.certrevoke.it;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Fetches a CA's published CRL, waiting for the schedule when the wanted one is not out yet. */
public final class Crls {

    private Crls() {
    }

    /** The DER of the first published CRL that satisfies the condition, or a failure after the timeout. */
    public static byte[] await(String authorityAlias, Predicate<X509CRL> wanted, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            HttpResponse<byte[]> response = Http.get("/crl/" + authorityAlias + ".crl");
            if (response.statusCode() == 200 && wanted.test(parse(response.body()))) {
                return response.body();
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("No such CRL of " + authorityAlias + " within " + timeout
                        + " (last answer: HTTP " + response.statusCode() + ")");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static X509CRL parse(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("Not a CRL", e);
        }
    }
}
