package org.certrevoke.enterprise.control;

/**
 * Shows enough of an address for its owner to recognise it ({@code a•••@•••.example}) and not enough
 * for someone holding only the access key to learn it.
 */
public final class EmailMask {

    private static final String HIDDEN = "•••";

    private EmailMask() {
    }

    public static String mask(String email) {
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return HIDDEN;
        }
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String topLevel = dot < 0 ? "" : domain.substring(dot);
        return email.charAt(0) + HIDDEN + "@" + HIDDEN + topLevel;
    }
}
