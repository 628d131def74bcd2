package org.certrevoke.enterprise.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.enterprise.control.LoginRefusedException;
import org.certrevoke.registry.entity.LegalRepresentative;
import org.certrevoke.security.control.SecretCodes;
import org.certrevoke.security.control.SecretHasher;

/**
 * Replaces a representative's access key when it is lost or may be known to someone else. The new
 * key is returned once, for the letter to the representative; only its hash is kept, and the old
 * key stops working at once. Operators will call this from their screen.
 */
@PermitAll
@Stateless
public class AccessKeys {

    private static final int DIGITS = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCodes codes;

    @Inject
    SecretHasher hasher;

    @Inject
    AuditLog audit;

    public String regenerate(long representativeId, String operator) {
        LegalRepresentative representative = em.find(LegalRepresentative.class, representativeId);
        if (representative == null) {
            throw new LoginRefusedException();
        }
        String key = codes.digits(DIGITS);
        representative.replaceAccessKey(hasher.hash(key));
        audit.record(AuditEvent.of(AuditEventType.ACCESS_KEY_REGENERATED, operator, null)
                .saying("representative=" + representative.getEmail()
                        + " organisation=" + representative.getOrganisation().getIdentifier()));
        return key;
    }
}
