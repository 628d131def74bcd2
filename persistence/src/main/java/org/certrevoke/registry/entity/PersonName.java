package org.certrevoke.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** First and last name of a person, as printed on the registration file. */
@Embeddable
public class PersonName {

    @Column(name = "first_name", nullable = false, length = 100)
    private String first;

    @Column(name = "last_name", nullable = false, length = 100)
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
