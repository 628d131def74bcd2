package org.certrevoke.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    // Reference vectors of phc-winner-argon2 (src/test.c): password "password", salt "somesalt".
    private static final String REFERENCE_M256_P1 =
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    private static final String REFERENCE_M256_P2 =
            "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";

    private final SecretHasher hasher = new SecretHasher();

    @Test
    void sameSecretHashesDifferently() {
        String first = hasher.hash("quimper");
        String second = hasher.hash("quimper");

        assertNotEquals(first, second);
        assertTrue(hasher.matches("quimper", first));
        assertTrue(hasher.matches("quimper", second));
    }

    @Test
    void writesOwaspParametersWithSixteenByteSaltAndThirtyTwoByteHash() {
        String phc = hasher.hash("quimper");

        String prefix = "$argon2id$v=19$m=19456,t=2,p=1$";
        assertTrue(phc.startsWith(prefix), phc);
        String[] saltAndHash = phc.substring(prefix.length()).split("\\$");
        assertEquals(2, saltAndHash.length, phc);
        assertFalse(saltAndHash[0].endsWith("=") || saltAndHash[1].endsWith("="), "no Base64 padding: " + phc);
        assertEquals(16, Base64.getDecoder().decode(saltAndHash[0]).length);
        assertEquals(32, Base64.getDecoder().decode(saltAndHash[1]).length);
    }

    @Test
    void theCheckSpentOnUnknownSubjectsUsesTodaysParametersSoItCostsTheSame() {
        String today = hasher.hash("quimper");
        String prefix = today.substring(0, today.indexOf('$', "$argon2id$v=19$".length()) + 1);

        assertTrue(SecretHasher.MATCHES_NOTHING.startsWith(prefix), SecretHasher.MATCHES_NOTHING);
        String[] saltAndHash = SecretHasher.MATCHES_NOTHING.substring(prefix.length()).split("\\$");
        assertEquals(16, Base64.getDecoder().decode(saltAndHash[0]).length);
        assertEquals(32, Base64.getDecoder().decode(saltAndHash[1]).length);
        assertFalse(hasher.matches("00000000000000000000", SecretHasher.MATCHES_NOTHING));
    }

    @Test
    void refusesWrongAnswer() {
        String phc = hasher.hash(AnswerNormaliser.normalise("Quimpér"));

        assertTrue(hasher.matches(AnswerNormaliser.normalise(" QUIMPER "), phc));
        assertFalse(hasher.matches(AnswerNormaliser.normalise("Quimperlé"), phc));
    }

    @Test
    void readsParametersFromStoredHash() {
        assertTrue(hasher.matches("password", REFERENCE_M256_P1));
        assertTrue(hasher.matches("password", REFERENCE_M256_P2));
        assertFalse(hasher.matches("password", REFERENCE_M256_P1.replace("p=1", "p=2")));
        assertFalse(hasher.matches("passwore", REFERENCE_M256_P1));
    }

    @Test
    void malformedHashNeverMatches() {
        String hash = REFERENCE_M256_P1.substring(REFERENCE_M256_P1.lastIndexOf('$') + 1);
        List<String> malformed = List.of(
                "",
                "password",
                "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$" + hash,
                "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$" + hash,
                "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$" + hash,
                "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$" + hash,
                "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHQ$" + hash,
                "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$" + hash,
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$",
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$AAAA",
                "$argon2id$v=19$m=256,t=2,p=1$c2$" + hash,
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$" + hash + "A",
                REFERENCE_M256_P1 + "$",
                REFERENCE_M256_P1 + "=");

        for (String phc : malformed) {
            assertFalse(hasher.matches("password", phc), phc);
        }
        assertFalse(hasher.matches("password", null));
        assertFalse(hasher.matches(null, REFERENCE_M256_P1));
    }

    @Test
    void matchesAllFailsIfAnyOneIsWrong() {
        List<String> phcs = List.of(REFERENCE_M256_P1, REFERENCE_M256_P2);

        assertTrue(hasher.matchesAll(List.of("password", "password"), phcs));
        assertFalse(hasher.matchesAll(List.of("password", "passwore"), phcs));
        assertFalse(hasher.matchesAll(List.of("passwore", "password"), phcs));
        assertFalse(hasher.matchesAll(List.of("password"), phcs));
        assertFalse(hasher.matchesAll(List.of(), List.of()));
    }

    @Test
    void matchesAllChecksEveryPairEvenAfterAFailure() {
        List<String> checked = new ArrayList<>();
        SecretHasher counting = new SecretHasher() {
            @Override
            public boolean matches(String secret, String phc) {
                checked.add(secret);
                return super.matches(secret, phc);
            }
        };

        boolean all = counting.matchesAll(List.of("passwore", "password"), List.of(REFERENCE_M256_P1, REFERENCE_M256_P2));

        assertFalse(all);
        assertEquals(List.of("passwore", "password"), checked);
    }

    @Test
    void refusesEmptySecret() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(""));
    }
}
