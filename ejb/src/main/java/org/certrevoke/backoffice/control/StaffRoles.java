package org.certrevoke.backoffice.control;

/**
 * The two roles of the CA's own staff. Accounts and their roles live in WildFly's Elytron realm,
 * managed by the admin; the application only names the roles it requires.
 */
public final class StaffRoles {

    /** Handles phone and postal requests and revokes on the requester's behalf. */
    public static final String OPERATOR = "operator";

    /** Reads the audit log, the mail outbox and the CRL status; changes nothing but mail retries. */
    public static final String AUDITOR = "auditor";

    private StaffRoles() {
    }
}
