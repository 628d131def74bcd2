package org.certrevoke.audit.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.ChainHash;
import org.certrevoke.audit.entity.AuditChainHead;
import org.certrevoke.audit.entity.AuditRecord;

/**
 * Appends to the chained audit log inside the caller's transaction, so a record exists exactly when
 * what it reports was committed.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public AuditRecord record(AuditEvent event) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.THE_ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
        long id = head.nextId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = ChainHash.of(head.getLastHash(), id, now, event);
        AuditRecord record = new AuditRecord(id, now, event.type().name(), event.actor(), event.clientAddress(),
                event.certificateSerial(), event.details(), head.getLastHash(), hash);
        em.persist(record);
        head.advance(id, hash);
        return record;
    }
}
