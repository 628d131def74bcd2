package org.certrevoke.revocation.control;

/** What the cancellation page asks for: e-mail, name as registered, and the certificate's cancellation code. */
public record CodeQuery(String email, String name, String code) implements java.io.Serializable {
}
