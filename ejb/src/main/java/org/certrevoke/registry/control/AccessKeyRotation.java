package org.certrevoke.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;

/**
 * Replaces an access key that is lost or may be known to someone else, whoever asks for it: the
 * registration authority for a whole organisation, an operator for one representative. The new key
 * is returned once in clear, for the caller to hand over; only its Argon2id hash is stored, in place of
 * the old one's, so the old key stops working when the caller's transaction commits, together with
 * the audit record.
 */
@ApplicationScoped
public class AccessKeyRotation {

    /** The access key's length (seed 000 §2: a 20-digit key). */
    public static final int DIGITS = 20;

    @Inject
    SecretCodes codes;

    @Inject
    SecretHasher hasher;

    @Inject
    AuditLog audit;

    /** Gives these representatives of {@code organisation} one new key; refuses another organisation's. */
    public String replace(Organisation organisation, List<LegalRepresentative> representatives, String actor,
                          String clientAddress) {
        if (representatives.stream().anyMatch(representative -> !Objects.equals(representative.getOrganisation().getId(), organisation.getId()))) {
            throw new IllegalArgumentException("representative of another organisation");
        }
        String key = codes.digits(DIGITS);
        String hash = hasher.hash(key);
        representatives.forEach(representative -> representative.replaceAccessKey(hash));
        audit.record(AuditEvent.of(AuditEventType.ACCESS_KEY_REGENERATED, actor, clientAddress)
                .saying("organisation=" + organisation.getIdentifier() + " representatives="
                        + representatives.stream().map(LegalRepresentative::getEmail).collect(Collectors.joining(","))));
        return key;
    }
}
