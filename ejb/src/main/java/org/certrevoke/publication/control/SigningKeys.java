package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.certrevoke.demo.control.DemoKeyStore;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each CA's key, read once from the PKCS#12 keystore the admin names for that CA alias
 * ({@code certrevoke.ca.<alias>.keystore.*}); in demo mode the demo CA's keystore. A CA without a
 * configured key is served nothing: its OCSP requests are answered unauthorized and it has no CRL.
 * The private key never leaves memory and is never logged.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "certrevoke.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.responder.lifetime", defaultValue = "P30D")
    Duration responderLifetime;

    private final Map<String, Optional<CaKeys>> loaded = new ConcurrentHashMap<>();

    public Optional<CaKeys> of(CertificateAuthority authority) {
        return loaded.computeIfAbsent(authority.getAlias(), alias -> load(authority));
    }

    private Optional<CaKeys> load(CertificateAuthority authority) {
        String prefix = "certrevoke.ca." + authority.getAlias() + ".keystore.";
        Optional<String> path = config.getOptionalValue(prefix + "path", String.class);
        Location location;
        if (path.isPresent()) {
            location = new Location(Path.of(path.get()),
                    config.getOptionalValue(prefix + "password", String.class).orElse("").toCharArray(),
                    config.getOptionalValue(prefix + "key-alias", String.class).orElse(authority.getAlias()));
        } else if (demo && DemoKeyStore.CA_ALIAS.equals(authority.getAlias()) && Files.exists(DemoKeyStore.location())) {
            location = new Location(DemoKeyStore.location(), DemoKeyStore.password(), DemoKeyStore.CA_ALIAS);
        } else {
            LOG.info(() -> "No signing key configured for CA " + authority.getAlias() + " (" + prefix + "path): not published");
            return Optional.empty();
        }
        try {
            return Optional.of(read(authority, location));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.severe(() -> "Cannot use the keystore of CA " + authority.getAlias() + " at " + location.path()
                    + ": " + e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            Arrays.fill(location.password(), '\0');
        }
    }

    private CaKeys read(CertificateAuthority authority, Location location) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(location.path())) {
            keyStore.load(in, location.password());
        }
        if (!(keyStore.getKey(location.keyAlias(), location.password()) instanceof PrivateKey key)
                || !(keyStore.getCertificate(location.keyAlias()) instanceof X509Certificate certificate)) {
            throw new IllegalArgumentException("no private key entry " + location.keyAlias());
        }
        if (!Arrays.equals(certificate.getEncoded(), authority.getCertificateDer())) {
            throw new IllegalArgumentException("the keystore's certificate is not the registered CA certificate");
        }
        return new CaKeys(authority.getAlias(), authority.getId(), certificate, key, responderLifetime);
    }

    private record Location(Path path, char[] password, String keyAlias) {
    }
}
