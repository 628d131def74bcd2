package org.certrevoke.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.certrevoke.notification.boundary.Outbox;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.registry.entity.Organisation;
import org.certrevoke.registry.entity.Requester;
import org.certrevoke.publication.control.PublicationUrls;
import org.certrevoke.revocation.control.CertificateRevoked;

/**
 * The holder always learns that a certificate was revoked; the legal representative too when the
 * revocation came from the organisation's side, or from anyone holding the cancellation code (which the
 * representative received too).
 */
@ApplicationScoped
public class RevocationMails {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    MailTexts texts;

    @Inject
    PublicationUrls publicationUrls;

    void on(@Observes CertificateRevoked revoked) {
        Object[] arguments = {revoked.serial(), revoked.holderName(), texts.dateTime(revoked.revokedAt()),
                MailTexts.localised("reason." + revoked.reason().name()),
                MailTexts.localised("requester." + revoked.requester().getKind().name()),
                revoked.holderName(), revoked.holderEmail(), publicationUrls.crl(revoked.authorityAlias()),
                publicationUrls.ocsp()};
        MailTexts.Mail toHolder = texts.compose("revoked", arguments);
        outbox.enqueue(revoked.holderEmail(), toHolder.subject(), toHolder.body());
        Requester.Kind kind = revoked.requester().getKind();
        if (kind == Requester.Kind.LEGAL_REPRESENTATIVE || kind == Requester.Kind.CANCELLATION_CODE) {
            Organisation organisation = em.find(Organisation.class, revoked.organisationId());
            for (LegalRepresentative representative : em.createNamedQuery(LegalRepresentative.OF_ORGANISATION,
                    LegalRepresentative.class).setParameter("organisation", organisation).getResultList()) {
                arguments[1] = representative.getName().full();
                MailTexts.Mail toRepresentative = texts.compose("revoked.representative", arguments);
                outbox.enqueue(representative.getEmail(), toRepresentative.subject(), toRepresentative.body());
            }
        }
    }
}
