package org.certrevoke.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.certrevoke.demo.control.DemoKeyStore;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each CA's key, taken once from the server's Elytron key manager under the CA's alias; in demo mode, when
 * the key manager has none, the demo CA's generated keystore. A CA without a key is served nothing (its
 * OCSP requests are answered unauthorized, it has no CRL) and is looked up again on the next use, so a key
 * the admin adds later is picked up without a redeployment. The entry's certificate must be the one
 * registered for the CA. Private keys stay in memory and are never logged.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    ElytronKeyManager keyManager;

    @Inject
    @ConfigProperty(name = "certrevoke.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "certrevoke.ocsp.responder.lifetime", defaultValue = "P30D")
    Duration responderLifetime;

    private final Map<String, CaKeys> loaded = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public Optional<CaKeys> of(CertificateAuthority authority) {
        CaKeys keys = loaded.get(authority.getAlias());
        if (keys == null) {
            keys = load(authority).orElse(null);
            if (keys != null) {
                loaded.put(authority.getAlias(), keys);
            }
        }
        return Optional.ofNullable(keys);
    }

    private Optional<CaKeys> load(CertificateAuthority authority) {
        String alias = authority.getAlias();
        Optional<ElytronKeyManager.Entry> entry = keyManager.entry(alias);
        if (entry.isEmpty() && demo && DemoKeyStore.CA_ALIAS.equals(alias) && Files.exists(DemoKeyStore.location())) {
            entry = demoEntry();
        }
        if (entry.isEmpty()) {
            if (reported.add(alias)) {
                LOG.warning(() -> "No signing key for CA " + alias + " in the Elytron key manager " + keyManager.name()
                        + ": its CRL and OCSP answers are not published");
            }
            return Optional.empty();
        }
        if (!registered(entry.get().certificate(), authority)) {
            if (reported.add(alias)) {
                LOG.severe(() -> "The key entry " + alias + " of the Elytron key manager " + keyManager.name()
                        + " is not for the registered certificate of that CA: not used");
            }
            return Optional.empty();
        }
        reported.remove(alias);
        return Optional.of(new CaKeys(alias, authority.getId(), entry.get().certificate(), entry.get().key(),
                responderLifetime));
    }

    private static boolean registered(X509Certificate certificate, CertificateAuthority authority) {
        try {
            return Arrays.equals(certificate.getEncoded(), authority.getCertificateDer());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private Optional<ElytronKeyManager.Entry> demoEntry() {
        char[] password = DemoKeyStore.password();
        try (InputStream in = Files.newInputStream(DemoKeyStore.location())) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            return keyStore.getKey(DemoKeyStore.CA_ALIAS, password) instanceof PrivateKey key
                    && keyStore.getCertificate(DemoKeyStore.CA_ALIAS) instanceof X509Certificate certificate
                    ? Optional.of(new ElytronKeyManager.Entry(key, certificate))
                    : Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            LOG.severe(() -> "Cannot read the demo CA keystore: " + e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
