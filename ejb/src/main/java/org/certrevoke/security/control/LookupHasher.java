package org.certrevoke.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Identity-document numbers must never be stored in clear, yet a holder who types his
 * number again must be found. A salted hash cannot be searched and a plain hash of such
 * a small space is reversed in minutes, so the number is stored as an HMAC under a key
 * kept outside the database. The domain prefix keeps these values apart from any other
 * lookup made with the same key. Every stored value depends on the normalisation and
 * on the key: changing either means recomputing all of them.
 */
@ApplicationScoped
public class LookupHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;
    private static final String ID_DOCUMENT_DOMAIN = "id-document:";
    private static final String DERIVED_KEY_DOMAIN = "derived-key:";
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{IsWhite_Space}\\p{Pd}./]+");

    @Inject
    @ConfigProperty(name = "certrevoke.secrets.lookup-key")
    String keyBase64;

    private SecretKeySpec key;

    public LookupHasher() {
    }

    public LookupHasher(byte[] key) {
        this.key = checkedKey(key);
    }

    @PostConstruct
    void decodeKey() {
        if (keyBase64 == null) {
            throw new IllegalStateException("certrevoke.secrets.lookup-key is not set");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(keyBase64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("certrevoke.secrets.lookup-key is not valid Base64");
        }
        key = checkedKey(decoded);
    }

    public String idDocument(String number) {
        String normalised = normaliseIdDocument(number);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("An empty document number would match every other empty one");
        }
        return hmac(ID_DOCUMENT_DOMAIN + normalised);
    }

    /**
     * A key for another purpose, derived from the same configured secret (HMAC with its own domain
     * prefix), so that one key outside the database protects everything that needs one.
     */
    public byte[] derivedKey(String purpose) {
        return HexFormat.of().parseHex(hmac(DERIVED_KEY_DOMAIN + purpose));
    }

    public static String normaliseIdDocument(String number) {
        if (number == null) {
            return "";
        }
        String compatible = Normalizer.normalize(number, Normalizer.Form.NFKC);
        return SEPARATORS.matcher(compatible.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    private String hmac(String message) {
        if (key == null) {
            throw new IllegalStateException("No lookup key: the bean was neither injected nor given a key");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", unavailable);
        }
    }

    private static SecretKeySpec checkedKey(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The lookup key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(key, ALGORITHM);
    }
}
