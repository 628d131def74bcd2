package org.certrevoke.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.PersonalQuestion;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.SecretHasher;

/**
 * Whether the answers given are the holder's, as one secret. Each answer is checked in the current normal
 * form and, where it differs, in the first one ({@link AnswerNormaliser#firstForm}, answers registered before
 * the current form); a match keeps each answer matched in the first form under a hash of the current one,
 * so that from then on the holder is recognised however they write it.
 */
@ApplicationScoped
public class PersonalAnswers {

    private static final int LONGEST_ANSWER = 200;

    @Inject
    SecretHasher hasher;

    public boolean match(Holder holder, List<String> answers) {
        List<String> stored = holder.getQuestions().stream().map(PersonalQuestion::getAnswerHash).toList();
        if (stored.isEmpty() || answers == null || answers.size() != stored.size()
                || answers.stream().anyMatch(answer -> answer == null || answer.length() > LONGEST_ANSWER)) {
            return false;
        }
        boolean all = true;
        List<Integer> inFirstForm = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            String current = AnswerNormaliser.normalise(answers.get(i));
            String first = AnswerNormaliser.firstForm(answers.get(i));
            boolean match = hasher.matches(current, stored.get(i));
            if (!match && !first.equals(current) && hasher.matches(first, stored.get(i))) {
                match = true;
                inFirstForm.add(i);
            }
            all &= match;
        }
        if (all) {
            inFirstForm.forEach(i -> holder.rehashAnswer(i, hasher.hash(AnswerNormaliser.normalise(answers.get(i)))));
        }
        return all;
    }
}
