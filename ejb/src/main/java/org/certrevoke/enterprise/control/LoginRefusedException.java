package org.certrevoke.enterprise.control;

import jakarta.ejb.ApplicationException;

/**
 * The identifier and access key do not make a pair. Deliberately does not say which of the two is
 * wrong. Does not roll back: the failure's audit record must stay.
 */
@ApplicationException(rollback = false)
public class LoginRefusedException extends RuntimeException {

    public LoginRefusedException() {
        super("identifier and access key do not match");
    }
}
