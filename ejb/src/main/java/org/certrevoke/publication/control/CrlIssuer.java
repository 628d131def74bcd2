package org.certrevoke.publication.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.certrevoke.publication.entity.PublishedCrl;
import org.certrevoke.registry.entity.CertificateAuthority;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues a CA's next CRL when a revocation is not on the current one yet or the current one is getting
 * old. The CA's {@link PublishedCrl} row is locked first: of several servers only one builds a given
 * CRL number, and the number is read from and written to that row in the same transaction.
 * <p>
 * A revoked certificate's row that cannot be an entry is left off and the CRL is issued with the others;
 * the CRL remembers how many were left off, so that they do not make it look stale at every check. Rows
 * are logged and reported ({@link CrlEntriesSkipped}, audited) when that number changes, not at each CRL.
 */
@PermitAll
@Stateless
public class CrlIssuer {

    private static final Logger LOG = Logger.getLogger(CrlIssuer.class.getName());

    @PersistenceContext
    EntityManager em;

    /** The persistence unit's data source: within this transaction, the same connection EclipseLink holds. */
    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    @Inject
    Event<CrlEntriesSkipped> skippedEntries;

    @Inject
    @ConfigProperty(name = "certrevoke.crl.reissue-interval", defaultValue = "PT6H")
    Duration reissueInterval;

    @Inject
    @ConfigProperty(name = "certrevoke.crl.next-update", defaultValue = "PT24H")
    Duration nextUpdate;

    /** Returns the number of the CRL issued, or nothing when the current one is still right. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> issueIfDue(long authorityId) {
        CertificateAuthority authority = em.find(CertificateAuthority.class, authorityId);
        Optional<CaKeys> keys = authority == null ? Optional.empty() : signingKeys.of(authority);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        PublishedCrl crl = em.find(PublishedCrl.class, authorityId, LockModeType.PESSIMISTIC_WRITE);
        if (crl == null) {
            crl = new PublishedCrl(authorityId);
            em.persist(crl);
            em.flush();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (crl.isIssued() && crl.getEntries() + crl.getSkipped() == revokedCount(authorityId)
                && now.isBefore(crl.getThisUpdate().plus(reissueInterval))) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        CrlWriter writer = new CrlWriter(keys.get().certificate(), keys.get().authorityKeyIdentifier());
        List<SkippedRow> skipped = new ArrayList<>();
        long rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = RevokedRows.writeTo(connection, authorityId, writer, skipped::add);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the revoked certificates of " + authority.getAlias(), e);
        }
        long number = crl.nextNumber();
        Instant next = now.plus(nextUpdate);
        long previouslySkipped = crl.getSkipped();
        crl.replace(number, now, next, writer.count(), rows - writer.count(),
                writer.sign(keys.get().caSigner(), number, now, next));
        if (!skipped.isEmpty() && skipped.size() != previouslySkipped) {
            for (SkippedRow row : skipped) {
                LOG.warning(() -> String.format("CRL %d of %s leaves out certificate %d (serial \"%s\"): %s", number,
                        authority.getAlias(), row.certificateId(), printable(row.serial()), row.problem()));
            }
            skippedEntries.fire(new CrlEntriesSkipped(authority.getAlias(), number, List.copyOf(skipped)));
        }
        LOG.info(() -> String.format("CRL %d of %s: %d entries, built and signed in %d ms", number,
                authority.getAlias(), writer.count(), (System.nanoTime() - started) / 1_000_000));
        return Optional.of(number);
    }

    /** A stored value as a log line may show it: no line breaks or other control characters, not endless. */
    static String printable(String value) {
        if (value == null) {
            return "";
        }
        String shown = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }

    private long revokedCount(long authorityId) {
        return em.createQuery("SELECT COUNT(c) FROM Certificate c WHERE c.authority.id = :id AND c.revoked = TRUE",
                Long.class).setParameter("id", authorityId).getSingleResult();
    }
}
