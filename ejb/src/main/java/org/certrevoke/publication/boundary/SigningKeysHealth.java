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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certrevoke.platform.control.DatabaseAvailability;
import org.certrevoke.publication.control.CaKeys;
import org.certrevoke.publication.control.SigningKeys;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of publication, CA by CA: its signing key is in the key manager and matches the registered
 * certificate, the certificate is within its validity, and its OCSP responder certificate is valid. A CA
 * that cannot sign gets no fresh CRL and answers no OCSP request: relying parties stop seeing revocations.
 * While the database is out of reach the CAs cannot be listed: the check says so and stays up.
 */
@Stateless
@PermitAll
@Local(HealthCheck.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SigningKeysHealth implements HealthCheck {

    @PersistenceContext
    EntityManager em;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    @Inject
    DatabaseAvailability database;

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("signing-keys").up();
        Optional<List<CertificateAuthority>> read = authorities();
        if (read.isEmpty()) {
            return response.withData("authorities", "unknown: database unavailable").build();
        }
        List<CertificateAuthority> authorities = read.get();
        for (CertificateAuthority authority : authorities) {
            Optional<CaKeys> keys = signingKeys.of(authority);
            if (keys.isEmpty()) {
                response.down().withData(authority.getAlias(), "no usable key");
            } else if (!keys.get().certificate().isValidOn(java.util.Date.from(now))) {
                response.down().withData(authority.getAlias(), "CA certificate outside its validity ("
                        + keys.get().certificate().getNotAfter().toInstant() + ")");
            } else {
                Instant responderUntil = keys.get().responder(clock).notAfter();
                response.withData(authority.getAlias(), "ready; CA certificate until "
                        + keys.get().certificate().getNotAfter().toInstant() + ", OCSP responder until " + responderUntil);
            }
        }
        return response.withData("authorities", authorities.size()).build();
    }

    /** The registered CAs; empty while the database is out of reach, which is the database check's to say. */
    private Optional<List<CertificateAuthority>> authorities() {
        return database.readOnTheSide(() -> em.createQuery("SELECT a FROM CertificateAuthority a ORDER BY a.alias",
                CertificateAuthority.class).getResultList());
    }
}
