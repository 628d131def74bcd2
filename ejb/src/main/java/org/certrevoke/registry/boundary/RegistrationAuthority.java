package org.certrevoke.registry.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.notification.control.MailTexts;
import org.certrevoke.registry.boundary.Registry.QuestionAnswer;
import org.certrevoke.registry.boundary.Registry.Workplace;
import org.certrevoke.registry.control.AccessKeyRotation;
import org.certrevoke.registry.control.AlreadyRevokedException;
import org.certrevoke.registry.control.InvalidCertificateException;
import org.certrevoke.registry.control.Issuers;
import org.certrevoke.registry.control.NotRevocableException;
import org.certrevoke.registry.control.ParsedCertificate;
import org.certrevoke.registry.control.RegistrationRefusedException;
import org.certrevoke.registry.control.RegistrationRefusedException.Why;
import org.certrevoke.registry.control.UniqueKeys;
import org.certrevoke.registry.control.X509Parser;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.CertificateType;
import org.certrevoke.registry.entity.CrlReason;
import org.certrevoke.registry.entity.Holder;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.PersonName;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.boundary.Revocations;
import org.certrevoke.security.control.LookupHasher;
import org.certrevoke.security.control.SecretCodes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CA's issuing system registers what it issued and revokes what it must (seed 001). Secrets are
 * generated here and leave only by mail, or once in the answer that created them; the certificate's
 * issuer is proven by its signature, not by its name.
 */
@PermitAll
@Stateless
public class RegistrationAuthority {

    @PersistenceContext
    EntityManager em;

    @Inject
    Registry registry;

    @Inject
    Issuers issuers;

    @Inject
    SecretCodes codes;

    @Inject
    LookupHasher lookup;

    @Inject
    Revocations revocations;

    @Inject
    HolderRows holderRows;

    @Inject
    Validator validator;

    @Inject
    AccessKeyRotation rotation;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    MailTexts texts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "certrevoke.api.mail-access-key", defaultValue = "false")
    boolean mailAccessKey;

    /** Who calls, for the audit log: the API key's label and the client address. */
    public record Caller(String actor, String clientAddress) {
    }

    public record NewOrganisation(String identifier, String name, PersonName representative,
                                  String representativeEmail) {
    }

    /** The access key in clear: shown to the caller this once, never stored. */
    public record IssuedKey(long id, String identifier, String accessKey) {
    }

    public record HolderRecord(PersonName name, String email, String idDocumentNumber, Workplace workplace,
                               List<QuestionAnswer> questions) {
    }

    /** The certificate as PEM or bare base64 DER. */
    public record NewCertificate(String certificate, CertificateType type, String organisation, HolderRecord holder) {
    }

    public record Status(String authority, String serial, CertificateState state, Instant notBefore,
                         Instant notAfter, Instant revokedAt, RevocationReason reason, CrlReason crlReason,
                         Instant invalidityDate) {

        static Status of(Certificate certificate, Instant now) {
            return new Status(certificate.getAuthority().getAlias(), certificate.getSerial(),
                    certificate.stateAt(now), certificate.getNotBefore(), certificate.getNotAfter(),
                    certificate.getRevokedAt(), certificate.getRevocationReason(), certificate.getCrlReason(),
                    certificate.getInvalidityDate());
        }
    }

    public IssuedKey registerOrganisation(NewOrganisation request, Caller caller) {
        if (registry.organisation(request.identifier()).isPresent()) {
            throw duplicateOrganisation(request.identifier());
        }
        String accessKey = codes.digits(AccessKeyRotation.DIGITS);
        Organisation organisation = registry.registerOrganisation(request.identifier(), request.name(),
                request.representative(), request.representativeEmail(), accessKey);
        flushUnlessDuplicate(() -> duplicateOrganisation(request.identifier()));
        audit.record(AuditEvent.of(AuditEventType.ORGANISATION_REGISTERED, caller.actor(), caller.clientAddress())
                .saying("organisation=" + organisation.getIdentifier()));
        mailAccessKey(organisation, accessKey);
        return new IssuedKey(organisation.getId(), organisation.getIdentifier(), accessKey);
    }

    public IssuedKey regenerateAccessKey(String identifier, Caller caller) {
        Organisation organisation = registry.organisation(identifier).orElseThrow(() -> unknownOrganisation(identifier));
        String accessKey = rotation.replace(organisation, representatives(organisation), caller.actor(),
                caller.clientAddress());
        mailAccessKey(organisation, accessKey);
        return new IssuedKey(organisation.getId(), organisation.getIdentifier(), accessKey);
    }

    public Status registerCertificate(NewCertificate request, Caller caller) {
        ParsedCertificate parsed = parse(request.certificate());
        if (!validator.validateValue(Certificate.class, "serial", parsed.serial()).isEmpty()) {
            throw new RegistrationRefusedException(Why.INVALID_FIELD,
                    "certificate: its serial number must be positive and at most 20 octets long (RFC 5280).");
        }
        CertificateAuthority authority = issuers.issuerOf(parsed);
        if (find(authority.getAlias(), parsed.serial()) != null) {
            throw duplicateCertificate(authority, parsed);
        }
        Organisation organisation = registry.organisation(request.organisation())
                .orElseThrow(() -> unknownOrganisation(request.organisation()));
        Holder holder = holder(organisation, request.holder());
        String code = codes.cancellationCode();
        Certificate certificate = registry.registerCertificate(authority, holder, request.type(), parsed.der(), code);
        flushUnlessDuplicate(() -> duplicateCertificate(authority, parsed));
        audit.record(AuditEvent.of(AuditEventType.CERTIFICATE_REGISTERED, caller.actor(), caller.clientAddress())
                .about(certificate.getSerial()).saying("ca=" + authority.getAlias() + " organisation="
                        + organisation.getIdentifier() + " type=" + request.type()));
        mailCancellationCode(certificate, code);
        return Status.of(certificate, clock.instant());
    }

    public Status status(String authority, String serial) {
        Certificate certificate = find(authority, serial);
        if (certificate == null) {
            throw unknownCertificate(authority, serial);
        }
        return Status.of(certificate, clock.instant());
    }

    public Status revoke(String authority, String serial, RevocationReason reason, Instant invalidityDate,
                         Caller caller) {
        Certificate certificate = find(authority, serial);
        if (certificate == null) {
            throw unknownCertificate(authority, serial);
        }
        Instant now = clock.instant();
        if (invalidityDate != null && (invalidityDate.isAfter(now) || invalidityDate.isBefore(certificate.getNotBefore())
                || invalidityDate.isAfter(certificate.getNotAfter()))) {
            throw new RegistrationRefusedException(Why.INVALID_FIELD, "invalidityDate must lie within the"
                    + " certificate's validity (" + certificate.getNotBefore() + " to " + certificate.getNotAfter()
                    + ") and not in the future.");
        }
        em.refresh(certificate, LockModeType.PESSIMISTIC_WRITE);
        if (certificate.stateAt(now) != CertificateState.VALID) {
            throw refusal(certificate, now);
        }
        try {
            revocations.revoke(certificate.getId(), reason, reason.crlReason(false),
                    new Requester(Requester.Kind.REGISTRATION_AUTHORITY, caller.actor()), caller.clientAddress());
        } catch (RevocationRefusedException expiredMeanwhile) {
            throw refusal(certificate, clock.instant());
        }
        if (invalidityDate != null) {
            certificate.invalidSince(invalidityDate.isAfter(certificate.getRevokedAt()) ? certificate.getRevokedAt()
                    : invalidityDate);
            audit.record(AuditEvent.of(AuditEventType.REVOCATION, caller.actor(), caller.clientAddress())
                    .about(serial).saying("ca=" + authority + " invalidityDate=" + certificate.getInvalidityDate()));
        }
        return Status.of(certificate, clock.instant());
    }

    /**
     * Why a certificate read under its row lock cannot be revoked: the revocation on record, which every
     * loser of a race is told of, or its expiry, which is no revocation.
     */
    private static RuntimeException refusal(Certificate certificate, Instant now) {
        CertificateState state = certificate.stateAt(now);
        if (state == CertificateState.REVOKED) {
            return new AlreadyRevokedException(state, certificate.getRevokedAt(), certificate.getRevocationReason(),
                    certificate.getCrlReason());
        }
        return new NotRevocableException(state);
    }

    /**
     * Writes now, so that the loser of a race on a unique key learns it here, as a duplicate, rather than
     * as a failed commit after the call has returned.
     */
    private void flushUnlessDuplicate(Supplier<RegistrationRefusedException> duplicate) {
        try {
            em.flush();
        } catch (PersistenceException failed) {
            if (UniqueKeys.violated(failed)) {
                throw duplicate.get();
            }
            throw failed;
        }
    }

    private static RegistrationRefusedException duplicateOrganisation(String identifier) {
        return new RegistrationRefusedException(Why.DUPLICATE_ORGANISATION,
                "An organisation with identifier " + identifier + " is already registered.");
    }

    private static RegistrationRefusedException duplicateCertificate(CertificateAuthority authority,
                                                                     ParsedCertificate parsed) {
        return new RegistrationRefusedException(Why.DUPLICATE_CERTIFICATE, "Certificate " + parsed.serial()
                + " of " + authority.getAlias() + " is already registered.");
    }

    private static ParsedCertificate parse(String text) {
        try {
            return X509Parser.parsePem(text);
        } catch (InvalidCertificateException malformed) {
            throw new RegistrationRefusedException(Why.MALFORMED_CERTIFICATE, malformed.getMessage());
        }
    }

    /**
     * A holder already registered in that organisation keeps his record and questions. A new one is
     * created on its own ({@link HolderRows}) and read back, so that simultaneous registrations of one new
     * holder all end with the one row the unique key let in.
     */
    private Holder holder(Organisation organisation, HolderRecord record) {
        Optional<Holder> known = registeredHolder(organisation, record);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            holderRows.create(organisation.getId(), record);
        } catch (EJBException lostTheRace) {
            if (!UniqueKeys.violated(lostTheRace)) {
                throw lostTheRace;
            }
        }
        return registeredHolder(organisation, record).orElseThrow();
    }

    private Optional<Holder> registeredHolder(Organisation organisation, HolderRecord record) {
        return em.createNamedQuery(Holder.BY_LOOKUP_IN_ORGANISATION, Holder.class)
                .setParameter("email", Holder.emailLookup(record.email()))
                .setParameter("idDocument", lookup.idDocument(record.idDocumentNumber()))
                .setParameter("organisation", organisation)
                .getResultStream().findFirst();
    }

    private Certificate find(String authority, String serial) {
        return em.createNamedQuery(Certificate.BY_AUTHORITY_AND_SERIAL, Certificate.class)
                .setParameter("alias", authority).setParameter("serial", serial)
                .getResultStream().findFirst().orElse(null);
    }

    private void mailCancellationCode(Certificate certificate, String code) {
        Holder holder = certificate.getHolder();
        MailTexts.Mail toHolder = texts.compose("cancellation-code", certificate.getSerial(), holder.getName().full(),
                code, holder.getName().full());
        outbox.enqueue(holder.getEmail(), toHolder.subject(), toHolder.body());
        for (LegalRepresentative representative : representatives(holder.getOrganisation())) {
            MailTexts.Mail mail = texts.compose("cancellation-code.representative", certificate.getSerial(),
                    representative.getName().full(), code, holder.getName().full());
            outbox.enqueue(representative.getEmail(), mail.subject(), mail.body());
        }
    }

    private void mailAccessKey(Organisation organisation, String accessKey) {
        if (!mailAccessKey) {
            return;
        }
        for (LegalRepresentative representative : representatives(organisation)) {
            MailTexts.Mail mail = texts.compose("access-key", organisation.getName(), representative.getName().full(),
                    accessKey);
            outbox.enqueue(representative.getEmail(), mail.subject(), mail.body());
        }
    }

    private List<LegalRepresentative> representatives(Organisation organisation) {
        return em.createNamedQuery(LegalRepresentative.OF_ORGANISATION, LegalRepresentative.class)
                .setParameter("organisation", organisation).getResultList();
    }

    private static RegistrationRefusedException unknownOrganisation(String identifier) {
        return new RegistrationRefusedException(Why.UNKNOWN_ORGANISATION,
                "No organisation with identifier " + identifier + " is registered.");
    }

    private static RegistrationRefusedException unknownCertificate(String authority, String serial) {
        return new RegistrationRefusedException(Why.UNKNOWN_CERTIFICATE,
                "No certificate " + serial + " of " + authority + " is registered.");
    }
}
