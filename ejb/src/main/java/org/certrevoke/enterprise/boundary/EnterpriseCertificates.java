package org.certrevoke.enterprise.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.enterprise.control.CertificateDetail;
import org.certrevoke.enterprise.control.CertificateFilter;
import org.certrevoke.enterprise.control.CertificateRow;
import org.certrevoke.enterprise.control.LoginRefusedException;
import org.certrevoke.enterprise.control.OrganisationCertificates;
import org.certrevoke.enterprise.control.SortField;
import org.certrevoke.registry.entity.Certificate;
import org.certrevoke.registry.entity.CertificateState;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.registry.entity.RevocationRefusedException;
import org.certrevoke.revocation.boundary.Revocations;
import org.certrevoke.revocation.control.PdfDocument;
import org.certrevoke.revocation.control.PostalForm;
import org.certrevoke.revocation.control.PostalFormPdf;
import org.certrevoke.revocation.control.RevocationReceipt;
import org.certrevoke.security.control.LockedOutException;
import org.certrevoke.security.control.ThrottlePolicies;
import org.certrevoke.security.control.Throttles;

/**
 * What a logged-in legal representative does with the organisation's certificates: search, look at
 * one, revoke it. The organisation always comes from the representative's record, never from the
 * caller, so a certificate of another organisation is answered exactly like one that does not exist.
 */
@PermitAll
@Stateless
public class EnterpriseCertificates {

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationCertificates certificates;

    @Inject
    Revocations revocations;

    @Inject
    PostalFormPdf postalForms;

    @Inject
    AuditLog audit;

    @Inject
    Throttles throttles;

    @Inject
    ThrottlePolicies policies;

    @Inject
    Clock clock;

    /**
     * A new search: how many certificates the filter finds, for the paginator, asked once per search
     * and audited. Counts against the client address's search budget
     * ({@code certrevoke.enterprise.search.rate.*}); beyond it, {@link LockedOutException} and nothing is read.
     */
    public long count(long representativeId, CertificateFilter filter, String clientAddress) {
        LegalRepresentative representative = representative(representativeId);
        try {
            throttles.reserve(policies.enterpriseSearchesPerAddress(), clientAddress);
        } catch (LockedOutException e) {
            audit.record(AuditEvent.of(AuditEventType.RATE_LIMITED, representative.getEmail(), clientAddress)
                    .saying("enterprise search"));
            throw e;
        }
        long total = certificates.count(organisation(representative), filter, clock.instant());
        audit.record(AuditEvent.of(AuditEventType.ENTERPRISE_SEARCH, representative.getEmail(), clientAddress)
                .saying("state=" + (filter.state() == null ? "ALL" : filter.state()) + " results=" + total));
        return total;
    }

    /** One page of the search {@link #count} started, sorted; turning pages is part of that search. */
    public List<CertificateRow> page(long representativeId, CertificateFilter filter, int first, int pageSize,
                                     SortField sort, boolean ascending) {
        return certificates.page(organisation(representative(representativeId)), filter, first, pageSize, sort,
                ascending, clock.instant());
    }

    public CertificateDetail detail(long representativeId, String serial, String clientAddress) {
        LegalRepresentative representative = representative(representativeId);
        Certificate certificate = certificates.certificate(organisation(representative), serial);
        audit.record(AuditEvent.of(AuditEventType.ENTERPRISE_DETAIL, representative.getEmail(), clientAddress)
                .about(certificate.getSerial()));
        return CertificateDetail.of(certificate, clock.instant());
    }

    public RevocationReceipt revoke(long representativeId, String serial, RevocationReason reason,
                                    boolean someoneElseMayKnowPassword, String clientAddress) {
        LegalRepresentative representative = representative(representativeId);
        Certificate certificate = certificates.certificate(organisation(representative), serial);
        if (reason == null || reason.operatorOnly()) {
            throw new IllegalArgumentException("reason not offered to legal representatives: " + reason);
        }
        Instant now = clock.instant();
        if (certificate.stateAt(now) != CertificateState.VALID) {
            throw new RevocationRefusedException(certificate.stateAt(now));
        }
        return revocations.revoke(certificate.getId(), reason, reason.crlReason(someoneElseMayKnowPassword),
                new Requester(Requester.Kind.LEGAL_REPRESENTATIVE, representative.getName().full()), clientAddress);
    }

    /** The revocation request form to send by post, filled in with the certificate and the representative. */
    public PdfDocument postalForm(long representativeId, String serial, Locale locale, String clientAddress) {
        LegalRepresentative representative = representative(representativeId);
        Certificate certificate = certificates.certificate(organisation(representative), serial);
        PostalForm form = PostalForm.filledIn(certificate, clock.instant(), locale, new PostalForm.Signatory(
                PostalForm.Signer.LEGAL_REPRESENTATIVE, representative.getName().full()));
        audit.record(AuditEvent.of(AuditEventType.POSTAL_FORM, representative.getEmail(), clientAddress)
                .about(certificate.getSerial()));
        return postalForms.render(form);
    }

    private LegalRepresentative representative(long id) {
        LegalRepresentative representative = em.find(LegalRepresentative.class, id);
        if (representative == null) {
            throw new LoginRefusedException();
        }
        return representative;
    }

    private static long organisation(LegalRepresentative representative) {
        return representative.getOrganisation().getId();
    }
}
