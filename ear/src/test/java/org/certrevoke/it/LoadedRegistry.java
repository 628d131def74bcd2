package org.certrevoke.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.certrevoke.load.DataLoader;
import org.certrevoke.load.LoadedSet;
import org.certrevoke.load.SampleCredentials;
import org.certrevoke.load.Shape;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the data loader inside the test server, on its database and with its lookup key:
 * {@code POST ?prefix=…&certificates=…} loads a small set of the demo CA's certificates and answers the
 * set's {@code holders.csv} then its {@code secrets.csv}, as the loader's command line writes them. Only
 * a test that adds it to its own deployment has it.
 */
@WebServlet("/it/loaded-registry")
public class LoadedRegistry extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "certrevoke.secrets.lookup-key")
    String lookupKey;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int certificates = Integer.parseInt(request.getParameter("certificates"));
        Shape shape = new Shape(certificates, certificates / 5, Math.max(1, certificates / 50), 0.05, 0.03,
                certificates / 10, request.getParameter("prefix"), 15, certificates);
        Path credentials = Files.createTempDirectory("loaded-registry");
        try (Connection connection = dataSource.getConnection()) {
            LoadedSet set = new DataLoader(connection, Base64.getDecoder().decode(lookupKey)).load(shape, List.of("demo-ca"));
            SampleCredentials.write(set, credentials);
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(Files.readString(credentials.resolve("holders.csv"))
                + Files.readString(credentials.resolve("secrets.csv")));
    }
}
