package org.certrevoke.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.Lockouts;
import org.certrevoke.security.control.ProofLimits;
import org.certrevoke.security.control.ProofSubject;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;
import org.certrevoke.security.control.ThrottlePolicies;

/**
 * Finds the certificate a cancellation code belongs to, among the valid certificates of the holders with
 * that e-mail and name. An unknown e-mail or name, a wrong code and a locked holder all end in the same
 * {@link WrongCodeException}, after the same Argon2 work, so neither the answer nor its timing says which.
 * Failures count per holder (5 lock the page for that holder and tell them by mail) and per client
 * address, each apart from the personal-question failures.
 */
@ApplicationScoped
public class CodeProofs {

    private static final int LONGEST_FIELD = EmailAddress.MAX_LENGTH;
    private static final String WHAT = "cancellation code";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretHasher hasher;

    @Inject
    Lockouts lockouts;

    @Inject
    ThrottlePolicies policies;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public Certificate prove(CodeQuery query, String clientAddress) {
        ProofLimits limits = policies.cancellationCodes();
        Optional<Instant> addressLock = lockouts.addressLockedUntil(limits, clientAddress);
        if (addressLock.isPresent()) {
            audit.record(AuditEvent.of(AuditEventType.RATE_LIMITED, query.email(), clientAddress).saying(WHAT));
            throw new LockedOutException(LockedOutException.Why.RATE_LIMIT, addressLock.get());
        }
        List<Holder> holders = holders(query);
        String code = SecretCodes.normaliseCancellationCode(query.code());
        Instant now = clock.instant();
        boolean checked = false;
        for (Holder holder : holders) {
            if (lockouts.subjectLockedUntil(limits, key(holder)).isPresent()) {
                continue;
            }
            for (Certificate certificate : cancellable(holder, now)) {
                boolean wellFormed = !code.isEmpty() && code.length() <= LONGEST_FIELD;
                checked |= wellFormed;
                if (wellFormed && hasher.matches(code, certificate.getCancellationCodeHash())) {
                    lockouts.succeeded(limits, key(holder));
                    audit.record(AuditEvent.of(AuditEventType.PROOF_SUCCEEDED, holder.getEmail(), clientAddress)
                            .about(certificate.getSerial()).saying(WHAT));
                    return certificate;
                }
            }
        }
        if (!checked) {
            hasher.spendOneCheck();
        }
        lockouts.countFailure(limits,
                AuditEvent.of(AuditEventType.PROOF_FAILED, truncated(query.email()), clientAddress).saying(WHAT),
                holders.stream().map(CodeProofs::subject).toList());
        throw new WrongCodeException();
    }

    private static ProofSubject subject(Holder holder) {
        return new ProofSubject(key(holder), holder.getEmail(), null, "cancellation page", "code-lockout",
                List.of(new ProofSubject.Recipient(holder.getEmail(), List.of(holder.getName().full()))));
    }

    private List<Holder> holders(CodeQuery query) {
        if (query.email() == null || query.name() == null || query.email().length() > LONGEST_FIELD
                || query.name().length() > LONGEST_FIELD) {
            return List.of();
        }
        String name = AnswerNormaliser.normalise(query.name());
        return em.createNamedQuery(Holder.BY_EMAIL, Holder.class)
                .setParameter("email", Holder.emailLookup(query.email())).getResultList().stream()
                .filter(holder -> !name.isEmpty() && AnswerNormaliser.normalise(holder.getName().full()).equals(name))
                .toList();
    }

    private List<Certificate> cancellable(Holder holder, Instant now) {
        return em.createNamedQuery(Certificate.OF_HOLDERS, Certificate.class)
                .setParameter("holders", List.of(holder)).getResultList().stream()
                .filter(certificate -> certificate.getCancellationCodeHash() != null
                        && CertificateSummary.of(certificate, now).revocable())
                .toList();
    }

    private static String truncated(String email) {
        return email == null || email.length() <= 200 ? email : email.substring(0, 200);
    }

    private static String key(Holder holder) {
        return Long.toString(holder.getId());
    }
}
