package org.certrevoke.platform.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Turns off EclipseLink's own retry of a read that lost its connection (three more attempts, five seconds
 * apart, by default): the datasource already bounds getting a connection, and a request waiting ten
 * seconds more on a database that is away only holds a thread to answer 503 later.
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
