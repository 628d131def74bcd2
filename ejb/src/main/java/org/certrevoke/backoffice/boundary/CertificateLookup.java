package org.certrevoke.backoffice.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.certrevoke.audit.boundary.AuditLog;
import org.certrevoke.audit.control.AuditEvent;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.backoffice.control.AllCertificates;
import org.certrevoke.backoffice.control.FoundCertificate;
import org.certrevoke.backoffice.control.SearchResult;
import org.certrevoke.backoffice.control.StaffRoles;
import org.certrevoke.backoffice.control.StaffSearch;

/** An operator finds the certificate a caller or a letter is about, in any organisation; audited. */
@Stateless
@RolesAllowed(StaffRoles.OPERATOR)
public class CertificateLookup {

    public static final int SHOWN = 50;

    @Resource
    SessionContext context;

    @Inject
    AllCertificates certificates;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public SearchResult find(StaffSearch search, String clientAddress) {
        if (search.isEmpty()) {
            throw new IllegalArgumentException("at least one field must be filled");
        }
        List<FoundCertificate> found = certificates.find(search, SHOWN + 1, clock.instant());
        audit.record(AuditEvent.of(AuditEventType.STAFF_SEARCH, context.getCallerPrincipal().getName(), clientAddress)
                .saying(found.size() + (found.size() > SHOWN ? "+" : "") + " found"));
        return new SearchResult(found.stream().limit(SHOWN).toList(), found.size() > SHOWN);
    }
}
