package org.certrevoke.demo.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the demo CA's key in a PKCS#12 file in the server's data directory (or where
 * {@code certrevoke.demo.keystore} says), where publication finds it to sign CRLs and OCSP responses. In production the key lives in a keystore the admin configures.
 */
public final class DemoKeyStore {

    public static final String CA_ALIAS = DemoPki.KEYSTORE_ALIAS;

    static final char[] PASSWORD = "demo".toCharArray();

    private DemoKeyStore() {
    }

    /** The demo keystore's password: a public demo value. */
    public static char[] password() {
        return PASSWORD.clone();
    }

    /**
     * {@code certrevoke.demo.keystore}, where the servers of a demo cluster share one file; by default in the
     * server's data directory.
     */
    public static Path location() {
        String shared = System.getProperty("certrevoke.demo.keystore");
        if (shared != null && !shared.isBlank()) {
            return Path.of(shared);
        }
        return Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "certrevoke", "demo-ca.p12");
    }

    static void save(DemoPki pki) {
        try {
            Files.createDirectories(location().getParent());
            Files.write(location(), pki.toPkcs12(PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
