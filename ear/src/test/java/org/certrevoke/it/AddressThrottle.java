package org.certrevoke.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.certrevoke.security.control.ThrottlePolicies;
import org.certrevoke.security.control.ThrottlePolicy;

/**
 * A throttle row of the calling client address, read and put back, for browser tests, which all come
 * from 127.0.0.1 and share its budgets: {@code ?policy=proof} is the failed-proof budget
 * ({@code address-proof:<address>}), {@code ?policy=enterprise-search} the enterprise search budget,
 * {@code ?policy=search} the holder search budget. Only
 * a test that adds it to its own deployment has it; the application never does. {@code GET} answers
 * {@code none} or {@code attempts|window start|locked until}; {@code PUT} with such a body sets exactly that.
 */
@WebServlet("/it/address-throttle")
public class AddressThrottle extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String NONE = "none";

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Inject
    ThrottlePolicies policies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String state = NONE;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT attempts, window_start, locked_until FROM throttle WHERE subject = ?")) {
            select.setString(1, subject(request));
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    OffsetDateTime lockedUntil = row.getObject(3, OffsetDateTime.class);
                    state = row.getInt(1) + "|" + row.getObject(2, OffsetDateTime.class) + "|"
                            + (lockedUntil == null ? "" : lockedUntil);
                }
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(state);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String state = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM throttle WHERE subject = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO throttle (subject, attempts, window_start, locked_until) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, subject(request));
            delete.executeUpdate();
            if (!NONE.equals(state)) {
                String[] parts = state.split("\\|", -1);
                insert.setString(1, subject(request));
                insert.setInt(2, Integer.parseInt(parts[0]));
                insert.setObject(3, OffsetDateTime.parse(parts[1]));
                if (parts[2].isEmpty()) {
                    insert.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setObject(4, OffsetDateTime.parse(parts[2]));
                }
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private String subject(HttpServletRequest request) {
        ThrottlePolicy policy = switch (String.valueOf(request.getParameter("policy"))) {
            case "proof" -> policies.proofFailuresPerAddress();
            case "enterprise-search" -> policies.enterpriseSearchesPerAddress();
            case "search" -> policies.searchesPerAddress();
            default -> throw new IllegalArgumentException("policy: proof, enterprise-search or search");
        };
        return policy.subject(request.getRemoteAddr());
    }
}
