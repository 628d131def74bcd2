package org.certrevoke.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.certrevoke.platform.control.DatabaseAvailability;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness on WildFly's management interface ({@code /health/ready}): the datasource gives a working
 * connection within two seconds (the datasource's own timeouts bound getting one), and the schema version
 * Flyway last applied. Without the database nothing
 * can be revoked, answered or published.
 */
@Stateless
@PermitAll
@Local(HealthCheck.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DatabaseHealth implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Inject
    DatabaseAvailability availability;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                availability.unreachable();
                return response.down().withData("error", "the connection did not answer").build();
            }
            response.withData("database", connection.getMetaData().getDatabaseProductName());
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(TIMEOUT_SECONDS);
                try (ResultSet schema = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                        + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC"
                        + " FETCH FIRST 1 ROWS ONLY")) {
                    response.withData("schema", schema.next() ? schema.getString(1) : "none");
                }
            }
            availability.reached();
            return response.up().build();
        } catch (SQLException e) {
            availability.unreachable();
            return response.down().withData("error", e.getClass().getSimpleName() + " (SQL state " + e.getSQLState() + ")")
                    .build();
        }
    }
}
