package org.certrevoke.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * On PostgreSQL, puts a {@link DatabaseProxy} between the test server and its database before the server
 * boots: the first test class boots it with the database URL rewritten to the proxy (arquillian.xml
 * appends {@code it.db.proxy}), so that a test can cut the database away from the running server. On H2
 * (an embedded database, no network) there is no proxy.
 */
public class DatabaseProxySession implements LauncherSessionListener {

    private static final Pattern POSTGRESQL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?(/.*)");
    private static volatile DatabaseProxy proxy;

    /** The proxy the test server's datasource goes through; empty on H2. */
    public static Optional<DatabaseProxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Matcher url = POSTGRESQL.matcher(System.getProperty("it.db.url", ""));
        if (!url.matches() || proxy != null) {
            System.setProperty("it.db.proxy", System.getProperty("it.db.proxy", ""));
            return;
        }
        try {
            proxy = new DatabaseProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("it.db.proxy", "-Dcertrevoke.db.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }
}
