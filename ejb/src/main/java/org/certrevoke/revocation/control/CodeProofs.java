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
import org.certrevoke.platform.control.Sha256;
import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.security.control.AnswerNormaliser;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.Lockouts;
import org.certrevoke.security.control.ProofLimits;
import org.certrevoke.security.control.ProofSubject;
import org.certrevoke.security.control.Reservation;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;
import org.certrevoke.security.control.ThrottlePolicies;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the certificate a cancellation code belongs to, among the valid certificates of the holders with
 * that e-mail and name. An unknown e-mail or name, a wrong code and a locked address all end in the same
 * {@link WrongCodeException}. An attempt that is evaluated costs the same Argon2 work whoever it is about: it checks the code against a fixed
 * number of hashes ({@code certrevoke.code.checks-per-attempt}), the matched certificates' and stand-ins for
 * the rest, so neither the answer nor its timing says whether the holder exists or how many certificates they
 * have (a holder with more cancellable certificates than that costs one check more per certificate).
 * The database work is the same too: each attempt is counted against the e-mail address asked about, known or
 * not (5 lock the page for that address, and a holder it belongs to is told by mail), and per client address,
 * each apart from the personal-question failures, before any code is checked; the same two queries run for
 * every attempt. An attempt on a locked address is refused at once, without Argon2 work: a lock says only that
 * someone failed five times on that address, known or not, and refusing it must not cost the server what an
 * evaluation costs.
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

    @Inject
    @ConfigProperty(name = "certrevoke.code.checks-per-attempt", defaultValue = "3")
    int checksPerAttempt;

    public Certificate prove(CodeQuery query, String clientAddress) {
        ProofLimits limits = policies.cancellationCodes();
        List<Holder> holders = holders(query);
        String email = truncated(query.email());
        String subject = key(query.email());
        Reservation reservation;
        try {
            reservation = lockouts.reserve(limits, List.of(subject), clientAddress,
                    AuditEvent.of(AuditEventType.RATE_LIMITED, email, clientAddress).saying(WHAT));
        } catch (LockedOutException e) {
            if (e.why() == LockedOutException.Why.RATE_LIMIT) {
                throw e;
            }
            throw new WrongCodeException();
        }
        Optional<Certificate> found = check(SecretCodes.normaliseCancellationCode(query.code()),
                cancellable(query.email(), holders));
        if (found.isPresent()) {
            lockouts.succeeded(reservation);
            audit.record(AuditEvent.of(AuditEventType.PROOF_SUCCEEDED, found.get().getHolder().getEmail(), clientAddress)
                    .about(found.get().getSerial()).saying(WHAT));
            return found.get();
        }
        lockouts.failed(limits, reservation, AuditEvent.of(AuditEventType.PROOF_FAILED, email, clientAddress).saying(WHAT),
                holders.stream().limit(1).map(holder -> subject(subject, holder)).toList());
        throw new WrongCodeException();
    }

    /** Checks the code against every candidate, then spends the checks left of the fixed number per attempt. */
    private Optional<Certificate> check(String code, List<Certificate> candidates) {
        boolean wellFormed = !code.isEmpty() && code.length() <= LONGEST_FIELD;
        Certificate found = null;
        for (Certificate candidate : candidates) {
            if (hasher.matches(wellFormed ? code : "-", candidate.getCancellationCodeHash()) && wellFormed && found == null) {
                found = candidate;
            }
        }
        spend(checksPerAttempt - candidates.size());
        return Optional.ofNullable(found);
    }

    private void spend(int checks) {
        for (int i = 0; i < checks; i++) {
            hasher.spendOneCheck();
        }
    }

    private static ProofSubject subject(String key, Holder holder) {
        return new ProofSubject(key, holder.getEmail(), null, "cancellation page", "code-lockout",
                List.of(new ProofSubject.Recipient(holder.getEmail(), List.of(holder.getName().full()))));
    }

    private List<Holder> holders(CodeQuery query) {
        if (query.email() == null || query.name() == null || query.email().length() > LONGEST_FIELD
                || query.name().length() > LONGEST_FIELD) {
            return List.of();
        }
        String name = AnswerNormaliser.normalise(query.name());
        return em.createNamedQuery(Holder.BY_EMAIL, Holder.class)
                .setParameter("email", lookup(query.email())).getResultList().stream()
                .filter(holder -> !name.isEmpty() && AnswerNormaliser.normalise(holder.getName().full()).equals(name))
                .toList();
    }

    /** The certificates of {@code holders} with a code that may still be used; queried whether or not any matched. */
    private List<Certificate> cancellable(String email, List<Holder> holders) {
        Instant now = clock.instant();
        return em.createNamedQuery(Certificate.OF_HOLDER_EMAIL, Certificate.class)
                .setParameter("email", lookup(email)).getResultList().stream()
                .filter(certificate -> holders.contains(certificate.getHolder()))
                .filter(certificate -> certificate.getCancellationCodeHash() != null
                        && CertificateSummary.of(certificate, now).revocable())
                .toList();
    }

    private static String truncated(String email) {
        return email == null || email.length() <= 200 ? email : email.substring(0, 200);
    }

    /** What is looked up: an address too long to be one is looked up as the empty one, which no holder has. */
    private static String lookup(String email) {
        return email == null || email.length() > LONGEST_FIELD ? "" : Holder.emailLookup(email);
    }

    /** The e-mail address asked about, as the throttle knows it: a digest, the same length for every address. */
    static String key(String email) {
        return Sha256.hex(lookup(email));
    }
}
