package org.certrevoke.enterprise.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.enterprise.control.CodeRefusedException;
import org.certrevoke.enterprise.control.EmailMismatchException;
import org.certrevoke.enterprise.control.LoginCodes;
import org.certrevoke.enterprise.control.LoginRefusedException;
import org.certrevoke.enterprise.control.Representative;
import org.certrevoke.enterprise.control.ResendTooSoonException;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.notification.control.MailTexts;
import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.Lockouts;
import org.certrevoke.security.control.ProofLimits;
import org.certrevoke.security.control.ProofSubject;
import org.certrevoke.security.control.Reservation;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;
import org.certrevoke.security.control.ThrottlePolicies;
import org.certrevoke.security.control.Throttles;

/**
 * The three login steps of a legal representative (seed 000 §2): identifier and access key, the
 * e-mail address typed in full, the e-mailed code. The session that strings the steps together
 * lives in the web tier; each step here checks its own secret, counts its failures per client
 * address, and audits what happened.
 */
@PermitAll
@Stateless
public class EnterpriseLogin {

    private static final Pattern ACCESS_KEY = Pattern.compile("\\d{20}");
    private static final int LONGEST_IDENTIFIER = 64;
    private static final int LONGEST_EMAIL = EmailAddress.MAX_LENGTH;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretHasher hasher;

    @Inject
    LoginCodes codes;

    @Inject
    Throttles throttles;

    @Inject
    Lockouts lockouts;

    @Inject
    ThrottlePolicies policies;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    MailTexts texts;

    @Inject
    Clock clock;

    /**
     * Step 1. The same {@link LoginRefusedException}, after the same Argon2 work, for an unknown identifier
     * and a wrong key; the attempt is counted against the identifier and the client address before the key is
     * checked, and the failure that reaches the limit locks the identifier and tells the representative by e-mail.
     */
    public Representative checkKey(String identifier, String accessKey, String clientAddress) {
        String id = identifier == null ? "" : identifier.strip();
        ProofLimits limits = policies.accessKeys();
        List<LegalRepresentative> candidates = representatives(id);
        Reservation reservation = lockouts.reserve(limits, List.of(id), clientAddress,
                AuditEvent.of(AuditEventType.RATE_LIMITED, id, clientAddress).saying("identifier and access key"));
        String key = SecretCodes.normaliseDigits(accessKey);
        boolean wellFormed = ACCESS_KEY.matcher(key).matches();
        Optional<LegalRepresentative> found = candidates.stream()
                .filter(representative -> wellFormed && hasher.matches(key, representative.getAccessKeyHash()))
                .findFirst();
        if (found.isEmpty()) {
            if (candidates.isEmpty() || !wellFormed) {
                hasher.spendOneCheck();
            }
            keyFailed(limits, reservation, id, candidates, clientAddress);
        }
        LegalRepresentative representative = found.orElseThrow();
        lockouts.succeeded(reservation);
        audit.record(AuditEvent.of(AuditEventType.ENTERPRISE_KEY_ACCEPTED, actor(representative), clientAddress)
                .saying("identifier=" + id));
        return Representative.of(representative);
    }

    /**
     * Step 2. The full address must match the one on record; then a code is e-mailed, unless one was sent less
     * than {@code certrevoke.enterprise.code.resend-after} ago ({@link ResendTooSoonException}: that one is still
     * good). A mismatch counts as a failed proof of the client address (the comparison costs nothing, so it is
     * counted after it, and refused when the address has been locked meanwhile).
     */
    public void confirmEmail(long representativeId, String typedEmail, String clientAddress) {
        LegalRepresentative representative = representative(representativeId);
        throttles.lockedUntil(policies.proofFailuresPerAddress(), clientAddress).ifPresent(until -> {
            throw new LockedOutException(LockedOutException.Why.PROOF_FAILURES, until);
        });
        boolean matches = typedEmail != null && typedEmail.length() <= LONGEST_EMAIL
                && Holder.emailLookup(typedEmail).equals(Holder.emailLookup(representative.getEmail()));
        if (!matches) {
            throttles.reserve(policies.proofFailuresPerAddress(), clientAddress);
            audit.record(AuditEvent.of(AuditEventType.ENTERPRISE_EMAIL_FAILED, actor(representative), clientAddress));
            throw new EmailMismatchException();
        }
        sendCode(representative, clientAddress);
    }

    /** A new code, which voids the previous one; at most once per {@code certrevoke.enterprise.code.resend-after}. */
    public void resendCode(long representativeId, String clientAddress) {
        sendCode(representative(representativeId), clientAddress);
    }

    /** Step 3. Returns who is now logged in, or says why the code was refused. */
    public Representative verifyCode(long representativeId, String typedCode, String clientAddress) {
        LegalRepresentative representative = representative(representativeId);
        Reservation reservation = throttles.reserve(policies.proofFailuresPerAddress(), clientAddress);
        try {
            codes.verify(representative, typedCode, clock.instant());
        } catch (CodeRefusedException e) {
            if (e.why() != CodeRefusedException.Why.WRONG && e.why() != CodeRefusedException.Why.EXHAUSTED) {
                throttles.release(reservation);
            }
            audit.record(AuditEvent.of(AuditEventType.ENTERPRISE_CODE_FAILED, actor(representative), clientAddress)
                    .saying(e.why().name()));
            throw e;
        }
        throttles.release(reservation);
        audit.record(AuditEvent.of(AuditEventType.ENTERPRISE_LOGIN_SUCCEEDED, actor(representative), clientAddress));
        return Representative.of(representative);
    }

    public void logout(long representativeId, String clientAddress) {
        audit.record(AuditEvent.of(AuditEventType.ENTERPRISE_LOGOUT, actor(representative(representativeId)), clientAddress));
    }

    /** Sends a code at most once per {@code resend-after} for a representative, however many steps ask at once. */
    private void sendCode(LegalRepresentative representative, String clientAddress) {
        try {
            throttles.reserve(policies.loginCodesPerRepresentative(), Long.toString(representative.getId()));
        } catch (LockedOutException tooSoon) {
            throw new ResendTooSoonException(tooSoon.until());
        }
        String code = codes.issue(representative, clock.instant());
        MailTexts.Mail mail = texts.compose("enterprise.code", representative.getName().full(),
                representative.getOrganisation().getName(), code, codes.lifetime().toMinutes());
        outbox.enqueue(representative.getEmail(), mail.subject(), mail.body());
        audit.record(AuditEvent.of(AuditEventType.ENTERPRISE_CODE_SENT, actor(representative), clientAddress));
    }

    private void keyFailed(ProofLimits limits, Reservation reservation, String identifier,
                           List<LegalRepresentative> candidates, String clientAddress) {
        lockouts.failedOrLockOut(limits, reservation,
                AuditEvent.of(AuditEventType.ENTERPRISE_LOGIN_FAILED, identifier, clientAddress)
                        .saying("identifier and access key"),
                new ProofSubject(identifier, identifier, null, "enterprise login", "enterprise.lockout",
                        candidates.stream().map(representative -> new ProofSubject.Recipient(representative.getEmail(),
                                List.<Object>of(representative.getName().full(), identifier))).toList()));
        throw new LoginRefusedException();
    }

    private List<LegalRepresentative> representatives(String identifier) {
        if (identifier.isEmpty() || identifier.length() > LONGEST_IDENTIFIER) {
            return List.of();
        }
        return em.createNamedQuery(Organisation.BY_IDENTIFIER, Organisation.class)
                .setParameter("identifier", identifier).getResultStream().findFirst()
                .map(organisation -> em.createNamedQuery(LegalRepresentative.OF_ORGANISATION, LegalRepresentative.class)
                        .setParameter("organisation", organisation).getResultList())
                .orElse(List.of());
    }

    private LegalRepresentative representative(long id) {
        LegalRepresentative representative = em.find(LegalRepresentative.class, id);
        if (representative == null) {
            throw new LoginRefusedException();
        }
        return representative;
    }

    private static String actor(LegalRepresentative representative) {
        return representative.getEmail();
    }

}
