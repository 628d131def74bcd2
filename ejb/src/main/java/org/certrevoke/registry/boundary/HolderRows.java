package org.certrevoke.registry.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.certrevoke.registry.boundary.RegistrationAuthority.HolderRecord;
import org.certrevoke.registry.entity.Organisation;

/**
 * Creates a holder in a transaction of its own. Simultaneous registrations of one new holder all try;
 * the unique key (organisation, e-mail, identity document) lets one row in, the others' tiny
 * transactions fail, and every registration then reads the same row.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HolderRows {

    @PersistenceContext
    EntityManager em;

    @Inject
    Registry registry;

    public void create(long organisationId, HolderRecord record) {
        Organisation organisation = em.find(Organisation.class, organisationId);
        registry.registerHolder(organisation, record.name(), record.email(), record.idDocumentNumber(),
                record.workplace(), record.questions());
        em.flush();
    }
}
