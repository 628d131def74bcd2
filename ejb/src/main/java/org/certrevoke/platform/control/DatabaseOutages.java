package org.certrevoke.platform.control;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Logger;

/**
 * The default interceptor of every EJB (ejb-jar.xml). A call that failed because the database is out of
 * reach throws {@link DatabaseUnavailableException} instead of the persistence provider's exception, which
 * the container would wrap and log with its stack at every bean it crosses, on every request of an
 * outage. A scheduled run that failed so logs one line and waits for its next turn, instead of a stack
 * trace and an immediate retry.
 */
public class DatabaseOutages {

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class.getName());

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            if (e instanceof DatabaseUnavailableException || !DatabaseOutage.causedBy(e)) {
                throw e;
            }
            throw new DatabaseUnavailableException(e);
        }
    }

    @AroundTimeout
    Object skip(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            LOG.warning(() -> invocation.getMethod().getDeclaringClass().getSimpleName() + " skipped this run, the"
                    + " database is unavailable: " + DatabaseOutage.describe(e));
            return null;
        }
    }
}
