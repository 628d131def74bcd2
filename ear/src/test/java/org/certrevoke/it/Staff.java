package org.certrevoke.it;

import java.util.concurrent.Callable;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The demo server's staff accounts (configure.cli), and a way for in-container tests to call the
 * application as one of them: the identity is authenticated by the deployment's own Elytron domain,
 * so its roles come from the realm exactly as for a login through the back office.
 */
public final class Staff {

    public static final String OPERATOR_LOGIN = "marie.operatrice";
    public static final String OPERATOR_PASSWORD = "Operatrice-Demo-2026";
    public static final String AUDITOR_LOGIN = "jean.auditeur";
    public static final String AUDITOR_PASSWORD = "Auditeur-Demo-2026";

    private Staff() {
    }

    public static <T> T asOperator(Callable<T> work) throws Exception {
        return as(OPERATOR_LOGIN, OPERATOR_PASSWORD, work);
    }

    public static <T> T asAuditor(Callable<T> work) throws Exception {
        return as(AUDITOR_LOGIN, AUDITOR_PASSWORD, work);
    }

    public static void asOperator(Work work) throws Exception {
        asOperator(work.returningNothing());
    }

    public static void asAuditor(Work work) throws Exception {
        asAuditor(work.returningNothing());
    }

    private static <T> T as(String login, String password, Callable<T> work) throws Exception {
        SecurityIdentity identity = SecurityDomain.getCurrent()
                .authenticate(login, new PasswordGuessEvidence(password.toCharArray()));
        return identity.runAs(work);
    }

    /** Code run as a staff member that returns nothing. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;

        private Callable<Void> returningNothing() {
            return () -> {
                run();
                return null;
            };
        }
    }
}
