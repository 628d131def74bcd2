package org.certrevoke.revocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.registry.entity.PersonalQuestion;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.SecretHasher;
import org.junit.jupiter.api.Test;

class PersonalAnswersTest {

    private static final List<String> REGISTERED = List.of("Kerjean-Trémel", "Łódź", "Le Floc'h");

    private final PersonalAnswers answers = new PersonalAnswers();

    PersonalAnswersTest() {
        answers.hasher = new SecretHasher();
    }

    @Test
    void answersAreMatchedAcrossHyphensApostrophesAndStrokeLetters() {
        Holder holder = holder(AnswerNormaliser::normalise);
        assertTrue(answers.match(holder, List.of("Kerjean Tremel", "Lodz", "le floch")));
        assertTrue(answers.match(holder, List.of("KERJEAN–TREMEL", "łódź", "Le Floc’h")));
        assertFalse(answers.match(holder, List.of("Kerjean", "Lodz", "Le Floch")));
    }

    @Test
    void aHolderRegisteredBeforeTheWiderFormStillProvesAndIsKeptUnderTheNewForm() {
        Holder holder = holder(AnswerNormaliser::firstForm);
        List<String> before = holder.getQuestions().stream().map(PersonalQuestion::getAnswerHash).toList();
        assertFalse(answers.match(holder, List.of("Kerjean Tremel", "Lodz", "Le Floch")),
                "the old hashes know only the old form");
        assertEquals(before, hashes(holder), "nothing rehashed on a failure");

        assertTrue(answers.match(holder, List.of("kerjean-tremel", "ŁÓDŹ", "le floc'h")), "the answers as registered");
        List<String> after = hashes(holder);
        for (int i = 0; i < before.size(); i++) {
            assertNotEquals(before.get(i), after.get(i), "answer " + i + " kept under the new form");
        }
        assertTrue(answers.match(holder, List.of("Kerjean Tremel", "Lodz", "Le Floch")), "now any writing of them");
        assertTrue(answers.match(holder, List.of("Kerjean-Trémel", "Łódź", "Le Floc'h")));
    }

    @Test
    void anAnswerWhoseFormsAgreeIsCheckedOnce() {
        Holder holder = holder(AnswerNormaliser::firstForm);
        int[] evaluations = {0};
        answers.hasher = new SecretHasher() {
            @Override
            public boolean matches(String secret, String phc) {
                evaluations[0]++;
                return super.matches(secret, phc);
            }
        };
        assertFalse(answers.match(holder, List.of("Brest", "Nantes", "Vannes")));
        assertEquals(3, evaluations[0]);
    }

    private Holder holder(java.util.function.UnaryOperator<String> form) {
        return new Holder(new Organisation("ORG-T", "Organisation"), new PersonName("Anaïs", "Kerjean"),
                "anais@example.test", "lookup").withQuestions(REGISTERED.stream()
                .map(answer -> new PersonalQuestion("Question", answers.hasher.hash(form.apply(answer)))).toList());
    }

    private static List<String> hashes(Holder holder) {
        return holder.getQuestions().stream().map(PersonalQuestion::getAnswerHash).toList();
    }
}
