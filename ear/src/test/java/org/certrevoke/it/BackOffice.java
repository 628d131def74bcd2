package org.certrevoke.it;

/** Browser steps of the back office shared by its tests. */
public final class BackOffice {

    private BackOffice() {
    }

    /** Logs in through the back-office login page; the browser then holds the staff session. */
    public static Browser logIn(Browser browser, String login, String password) {
        browser.open("/backoffice/login.jsf")
                .type("[id='login:username']", login)
                .type("[id='login:password']", password)
                .click("[id='login:submit']");
        return browser;
    }
}
