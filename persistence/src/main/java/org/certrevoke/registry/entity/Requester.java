package org.certrevoke.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Who asked for a revocation, kept with the certificate for the record and for the e-mails. */
@Embeddable
public class Requester {

    public enum Kind {
        HOLDER,
        LEGAL_REPRESENTATIVE,
        OPERATOR,
        REGISTRATION_AUTHORITY,
        /** The holder, proven by the certificate's cancellation code. */
        CANCELLATION_CODE
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "requester_kind", length = 30)
    private Kind kind;

    @Column(name = "requester_name", length = 200)
    private String name;

    protected Requester() {
    }

    public Requester(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    public static Requester holder(String name) {
        return new Requester(Kind.HOLDER, name);
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
