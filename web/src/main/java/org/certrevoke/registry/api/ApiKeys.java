package org.certrevoke.registry.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.certrevoke.security.control.SecretHasher;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys the admin gave the CA's issuing systems, held only as hashes: a SHA-256 (keys are long random
 * strings, so a fast hash is enough) or an Argon2id PHC string. Without configured keys the API refuses
 * every call. A caller is named in the audit log by the start of its key's hash, never by the key.
 */
@ApplicationScoped
public class ApiKeys {

    private static final String SHA256 = "sha256:";

    @Inject
    @ConfigProperty(name = "certrevoke.api.keys")
    Optional<String> configured;

    @Inject
    SecretHasher hasher;

    private List<String> hashes;

    @PostConstruct
    void read() {
        hashes = configured.map(text -> Arrays.stream(text.split("[\\s;]+")).filter(s -> !s.isBlank()).toList())
                .orElse(List.of());
    }

    /** The caller's label for the audit log, when the key is one of ours. */
    public Optional<String> caller(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        String sha256 = sha256(presentedKey);
        for (String hash : hashes) {
            boolean matches = hash.toLowerCase(Locale.ROOT).startsWith(SHA256)
                    ? MessageDigest.isEqual(hash.substring(SHA256.length()).toLowerCase(Locale.ROOT)
                            .getBytes(StandardCharsets.US_ASCII), sha256.getBytes(StandardCharsets.US_ASCII))
                    : hasher.matches(presentedKey, hash);
            if (matches) {
                return Optional.of("api-key:" + sha256.substring(0, 8));
            }
        }
        return Optional.empty();
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}
