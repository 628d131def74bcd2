package org.certrevoke.load;

import java.util.List;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;

/**
 * The secrets every synthetic holder and organisation of a data set shares, and their Argon2id hashes
 * made once by the application's own hasher and normalisers: a million distinct hashes would take days
 * and prove nothing more, since each check costs the same whatever the hash.
 */
record Secrets(List<String> questions, List<String> answers, String accessKey, String cancellationCode,
               List<String> answerHashes, String accessKeyHash, String cancellationCodeHash) {

    static final List<String> QUESTIONS = List.of("Lieu de naissance de votre père", "Heure de votre naissance",
            "Nom de jeune fille de votre mère");
    static final List<String> ANSWERS = List.of("Plougastel", "07h45", "Le Bras");
    static final String ACCESS_KEY = "31415926535897932384";
    static final String CANCELLATION_CODE = "7KQ3-M9TX-2HRD";

    static Secrets hashed(SecretHasher hasher) {
        return new Secrets(QUESTIONS, ANSWERS, ACCESS_KEY, CANCELLATION_CODE,
                ANSWERS.stream().map(answer -> hasher.hash(AnswerNormaliser.normalise(answer))).toList(),
                hasher.hash(SecretCodes.normaliseDigits(ACCESS_KEY)),
                hasher.hash(SecretCodes.normaliseCancellationCode(CANCELLATION_CODE)));
    }
}
