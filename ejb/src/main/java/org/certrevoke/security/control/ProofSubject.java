package org.certrevoke.security.control;

import java.util.List;

/**
 * Whom a failed proof counts against, and how their lockout is recorded and told: the audit record
 * names {@code actor} (and the certificate {@code serial}, when there is one) and says
 * "{@code flow} locked until …"; each recipient gets the {@code template} mail with its own arguments
 * followed by the moment the lock ends.
 *
 * @param key the subject's key under the subject policy (a holder's id, an identifier)
 */
public record ProofSubject(String key, String actor, String serial, String flow, String template,
                           List<Recipient> recipients) {

    /** One mail of the lockout notice; the end of the lock is appended to {@code arguments}. */
    public record Recipient(String email, List<Object> arguments) {
    }
}
