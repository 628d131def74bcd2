package org.certrevoke.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import org.certrevoke.platform.validation.Text;

/** A question the holder chose at registration; only a slow hash of the normalised answer is kept. */
@Embeddable
public class PersonalQuestion {

    @NotBlank
    @Text(max = Text.LINE)
    @Column(nullable = false, length = Text.LINE)
    private String question;

    @Column(name = "answer_hash", nullable = false, length = 200)
    private String answerHash;

    protected PersonalQuestion() {
    }

    public PersonalQuestion(String question, String answerHash) {
        this.question = question;
        this.answerHash = answerHash;
    }

    public String getQuestion() {
        return question;
    }

    public String getAnswerHash() {
        return answerHash;
    }
}
