package org.certrevoke.publication.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certrevoke.publication.entity.PublishedCrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastCrlsTest {

    private static final Instant THIS_UPDATE = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant NEXT_UPDATE = THIS_UPDATE.plus(1, ChronoUnit.DAYS);

    @TempDir
    Path directory;

    @Test
    void readsTheLastCrlBackFromDiskAfterARestart() throws Exception {
        byte[] der = crl(7);
        new LastCrls(directory).keep("demo-ca", published(7, der));

        LastCrls.Copy read = new LastCrls(directory).last("demo-ca").orElseThrow();

        assertArrayEquals(der, read.der());
        assertEquals(7, read.number());
        assertEquals(THIS_UPDATE, read.thisUpdate());
        assertEquals(NEXT_UPDATE, read.nextUpdate());
    }

    @Test
    void keepsTheNewerCrlInMemoryAndOnDisk() throws Exception {
        LastCrls crls = new LastCrls(directory);
        crls.keep("demo-ca", published(7, crl(7)));
        byte[] newer = crl(8);

        crls.keep("demo-ca", published(8, newer));

        assertArrayEquals(newer, crls.last("demo-ca").orElseThrow().der());
        assertArrayEquals(newer, Files.readAllBytes(directory.resolve("demo-ca.crl")));
    }

    @Test
    void servesTheKeptBytesForTheLatestNumberWithoutReadingThemAgain() throws Exception {
        LastCrls crls = new LastCrls(directory);
        byte[] der = crl(7);
        crls.keep("demo-ca", published(7, der));

        assertArrayEquals(der, crls.confirmed("demo-ca").orElseThrow().der(), "just read: confirmed");
        assertArrayEquals(der, crls.confirm("demo-ca", 7).orElseThrow().der());
        assertTrue(crls.confirm("demo-ca", 8).isEmpty(), "a newer number: its bytes must be read");
        assertTrue(crls.confirm("other-ca", 7).isEmpty());
        assertTrue(crls.confirmed("other-ca").isEmpty());
    }

    @Test
    void hasNothingForACaNeverServedOrAFileThatIsNoCrl() throws Exception {
        Files.write(directory.resolve("broken.crl"), new byte[] {0x30, 0x03, 0x02, 0x01});

        assertTrue(new LastCrls(directory).last("demo-ca").isEmpty());
        assertTrue(new LastCrls(directory).last("broken").isEmpty());
    }

    private static PublishedCrl published(long number, byte[] der) {
        PublishedCrl published = new PublishedCrl(1L);
        for (long n = 1; n <= number; n++) {
            published.replace(n, THIS_UPDATE, NEXT_UPDATE, 0, 0, der);
        }
        return published;
    }

    private static byte[] crl(long number) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=Test CA"), Date.from(THIS_UPDATE));
        builder.setNextUpdate(Date.from(NEXT_UPDATE));
        builder.addExtension(Extension.cRLNumber, false, new ASN1Integer(number));
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }
}
