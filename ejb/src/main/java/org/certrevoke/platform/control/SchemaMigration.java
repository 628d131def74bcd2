package org.certrevoke.platform.control;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database. Flyway's history table
 * and lock make this safe when several servers of a cluster start at once. Migrations in
 * {@code db/migration} run on every database, those in {@code db/h2} or {@code db/postgresql} on that
 * database only (their versions fall between the shared ones, e.g. V8_1 after V8).
 */
@PermitAll
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/" + vendor())
                .load()
                .migrate();
    }

    /** {@code h2} or {@code postgresql}: the database's product name in lower case, without spaces. */
    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).replace(" ", "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }
}
