package org.certrevoke.enterprise.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.certrevoke.enterprise.control.LoginRefusedException;
import org.certrevoke.registry.control.AccessKeyRotation;
import org.certrevoke.registry.entity.LegalRepresentative;

/**
 * Replaces one representative's access key when it is lost or may be known to someone else. The new
 * key is returned once, for the letter to the representative; only its hash is kept, and the old key
 * stops working at once. Operators will call this from their screen.
 */
@PermitAll
@Stateless
public class AccessKeys {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessKeyRotation rotation;

    public String regenerate(long representativeId, String operator) {
        LegalRepresentative representative = em.find(LegalRepresentative.class, representativeId);
        if (representative == null) {
            throw new LoginRefusedException();
        }
        return rotation.replace(representative.getOrganisation(), List.of(representative), operator, null);
    }
}
