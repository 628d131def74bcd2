package org.certrevoke.publication.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certrevoke.platform.control.DatabaseAvailability;
import org.certrevoke.publication.control.SigningKeys;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of publication, CA by CA: its latest CRL is younger than the re-issue interval plus a margin.
 * The schedule re-issues it well before; an older one means CRLs stopped being issued (whatever the
 * reason: a failing build, a lock never released), which relying parties would only notice at nextUpdate.
 * A CA that has no key is the {@code signing-keys} check's concern; one with a key but no CRL yet is down.
 * Reads the published state without locks, so a CRL being built does not hold the check. While the
 * database is out of reach the state cannot be read: the check says so and stays up, the database check
 * being the one to go down.
 */
@Stateless
@PermitAll
@Local(HealthCheck.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PublicationHealth implements HealthCheck {

    @PersistenceContext
    EntityManager em;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    @Inject
    DatabaseAvailability database;

    @Inject
    @ConfigProperty(name = "certrevoke.crl.reissue-interval", defaultValue = "PT6H")
    Duration reissueInterval;

    @Inject
    @ConfigProperty(name = "certrevoke.crl.overdue-margin", defaultValue = "PT15M")
    Duration margin;

    @Override
    public HealthCheckResponse call() {
        Instant oldestAllowed = clock.instant().minus(reissueInterval).minus(margin);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("publication").up();
        Optional<Map<Long, Object[]>> read = database.readOnTheSide(() -> em.createQuery(
                        "SELECT p.authorityId, p.crlNumber, p.thisUpdate, p.entries, p.skipped FROM PublishedCrl p"
                                + " WHERE p.thisUpdate IS NOT NULL", Object[].class)
                .getResultStream().collect(Collectors.toMap(row -> (Long) row[0], Function.identity())));
        Optional<List<CertificateAuthority>> listed = read.flatMap(crls -> database.readOnTheSide(() -> em.createQuery(
                "SELECT a FROM CertificateAuthority a ORDER BY a.alias", CertificateAuthority.class).getResultList()));
        if (listed.isEmpty()) {
            return response.withData("authorities", "unknown: database unavailable").build();
        }
        Map<Long, Object[]> published = read.get();
        List<CertificateAuthority> authorities = listed.get();
        for (CertificateAuthority authority : authorities) {
            Object[] crl = published.get(authority.getId());
            if (crl == null) {
                if (signingKeys.of(authority).isPresent()) {
                    response.down().withData(authority.getAlias(), "no CRL issued yet");
                }
                continue;
            }
            Instant thisUpdate = (Instant) crl[2];
            String line = "CRL " + crl[1] + " of " + thisUpdate + ", " + crl[3] + " entries"
                    + ((Long) crl[4] > 0 ? ", " + crl[4] + " revoked certificates left off (unreadable rows, audited)" : "");
            if (thisUpdate.isBefore(oldestAllowed)) {
                response.down().withData(authority.getAlias(), "overdue: " + line + "; a CRL is due every "
                        + reissueInterval + " (+ " + margin + ")");
            } else {
                response.withData(authority.getAlias(), line);
            }
        }
        return response.build();
    }
}
