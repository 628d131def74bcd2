package org.certrevoke.backoffice.web;

import java.util.regex.Pattern;

/** Where a staff member may be sent back to after the login: a back-office page, nothing else. */
final class BackOfficePaths {

    private static final Pattern PAGE = Pattern.compile("/backoffice/[a-z]+(/[a-z]+)*\\.jsf");

    private BackOfficePaths() {
    }

    static boolean isSafeTarget(String path) {
        return PAGE.matcher(path).matches() && !path.equals("/backoffice/login.jsf");
    }
}
