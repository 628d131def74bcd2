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
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.notification.control.MailTexts;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;
import org.certrevoke.security.control.ThrottlePolicies;
import org.certrevoke.security.control.ThrottlePolicy;
import org.certrevoke.security.control.Throttles;

/**
 * Finds the certificate a cancellation code belongs to, among the valid certificates of the holders with
 * that e-mail and name. An unknown e-mail or name, a wrong code and a locked holder all end in the same
 * {@link WrongCodeException}, after the same Argon2 work, so neither the answer nor its timing says which.
 * Failures count per holder (5 lock the page for that holder and tell them by mail) and per client
 * address, each apart from the personal-question failures.
 */
@ApplicationScoped
public class CodeProofs {

    private static final int LONGEST_FIELD = 254;
    private static final String NO_SUCH_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretHasher hasher;

    @Inject
    Throttles throttles;

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

    public Certificate prove(CodeQuery query, String clientAddress) {
        ThrottlePolicy perAddress = policies.codeFailuresPerAddress();
        Optional<Instant> addressLock = throttles.lockedUntil(perAddress, clientAddress);
        if (addressLock.isPresent()) {
            audit.record(AuditEvent.of(AuditEventType.RATE_LIMITED, query.email(), clientAddress).saying("cancellation code"));
            throw new LockedOutException(LockedOutException.Why.RATE_LIMIT, addressLock.get());
        }
        List<Holder> holders = holders(query);
        String code = SecretCodes.normaliseCancellationCode(query.code());
        Instant now = clock.instant();
        for (Holder holder : holders) {
            if (throttles.lockedUntil(policies.codeFailuresPerHolder(), key(holder)).isPresent()) {
                continue;
            }
            for (Certificate certificate : cancellable(holder, now)) {
                if (!code.isEmpty() && code.length() <= LONGEST_FIELD
                        && hasher.matches(code, certificate.getCancellationCodeHash())) {
                    throttles.reset(policies.codeFailuresPerHolder(), key(holder));
                    audit.record(AuditEvent.of(AuditEventType.PROOF_SUCCEEDED, holder.getEmail(), clientAddress)
                            .about(certificate.getSerial()).saying("cancellation code"));
                    return certificate;
                }
            }
        }
        if (holders.isEmpty()) {
            hasher.matches(code.isEmpty() ? "-" : code, NO_SUCH_HASH);
        }
        failed(query, holders, clientAddress);
        throw new WrongCodeException();
    }

    private void failed(CodeQuery query, List<Holder> holders, String clientAddress) {
        throttles.count(policies.codeFailuresPerAddress(), clientAddress);
        audit.record(AuditEvent.of(AuditEventType.PROOF_FAILED, truncated(query.email()), clientAddress)
                .saying("cancellation code"));
        for (Holder holder : holders) {
            throttles.count(policies.codeFailuresPerHolder(), key(holder)).ifPresent(until -> {
                audit.record(AuditEvent.of(AuditEventType.LOCKOUT, holder.getEmail(), clientAddress)
                        .saying("cancellation page locked until " + until));
                MailTexts.Mail mail = texts.compose("code-lockout", holder.getName().full(), texts.dateTime(until));
                outbox.enqueue(holder.getEmail(), mail.subject(), mail.body());
            });
        }
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
