package org.certrevoke.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import org.certrevoke.platform.validation.Text;

/** First and last name of a person, as printed on the registration file. */
@Embeddable
public class PersonName {

    @NotBlank
    @Text(max = Text.NAME)
    @Column(name = "first_name", nullable = false, length = Text.NAME)
    private String first;

    @NotBlank
    @Text(max = Text.NAME)
    @Column(name = "last_name", nullable = false, length = Text.NAME)
    private String last;

    protected PersonName() {
    }

    public PersonName(String first, String last) {
        this.first = first;
        this.last = last;
    }

    public String getFirst() {
        return first;
    }

    public String getLast() {
        return last;
    }

    public String full() {
        return first + " " + last;
    }
}
