package org.certrevoke.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Answers to security questions have little entropy, so a leaked table must cost an attacker
 * real work per guess: Argon2id with the OWASP / ASVS 5 minimum. The parameters travel in the
 * stored PHC string, so they can be raised for new hashes while old ones still verify.
 * A stored hash is data, not code: a corrupted or tampered one must neither throw nor make
 * the server allocate gigabytes, hence the upper bounds. An identity check that compares
 * nothing proves nothing, so {@link #matchesAll} refuses empty lists.
 */
@ApplicationScoped
public class SecretHasher {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private static final int VERSION = 19;
    private static final long MAX_MEMORY_KIB = 1L << 20;
    private static final long MAX_ITERATIONS = 32;
    private static final long MAX_PARALLELISM = 16;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_BYTES = 128;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})"
                    + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    static final String MATCHES_NOTHING = "$argon2id$v=" + VERSION + "$m=" + MEMORY_KIB + ",t=" + ITERATIONS
            + ",p=" + PARALLELISM + "$" + BASE64.encodeToString(new byte[SALT_BYTES])
            + "$" + BASE64.encodeToString(new byte[HASH_BYTES]);

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong evaluations = new AtomicLong();

    public String hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("An empty secret would match every empty answer");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(secret, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=" + VERSION + "$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    public boolean matches(String secret, String phc) {
        if (secret == null || phc == null) {
            return false;
        }
        Matcher parts = PHC.matcher(phc);
        if (!parts.matches()) {
            return false;
        }
        long memory = Long.parseLong(parts.group(1));
        long iterations = Long.parseLong(parts.group(2));
        long parallelism = Long.parseLong(parts.group(3));
        if (!within(memory, 8 * parallelism, MAX_MEMORY_KIB)
                || !within(iterations, 1, MAX_ITERATIONS)
                || !within(parallelism, 1, MAX_PARALLELISM)) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts.group(4));
            byte[] expected = Base64.getDecoder().decode(parts.group(5));
            if (!within(salt.length, MIN_SALT_BYTES, MAX_BYTES) || !within(expected.length, MIN_HASH_BYTES, MAX_BYTES)) {
                return false;
            }
            byte[] actual = argon2id(secret, salt, (int) memory, (int) iterations, (int) parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * Does the work of one {@link #matches} with today's parameters, for a proof that had nothing to be
     * checked against (an unknown subject, a malformed secret), so that it takes as long as one that had.
     */
    public void spendOneCheck() {
        matches("00000000000000000000", MATCHES_NOTHING);
    }

    public boolean matchesAll(List<String> secrets, List<String> phcs) {
        if (secrets == null || phcs == null) {
            return false;
        }
        boolean all = !secrets.isEmpty() && secrets.size() == phcs.size();
        int pairs = Math.min(secrets.size(), phcs.size());
        for (int i = 0; i < pairs; i++) {
            all &= matches(secrets.get(i), phcs.get(i));
        }
        return all;
    }

    /**
     * How many Argon2 computations this server has made since it started: the work a flow costs is a
     * security property (equal work for known and unknown subjects), and this is how it is measured.
     */
    public long evaluations() {
        return evaluations.get();
    }

    private static boolean within(long value, long min, long max) {
        return value >= min && value <= max;
    }

    private byte[] argon2id(String secret, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        evaluations.incrementAndGet();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
