package org.certrevoke.it;

/** The holder's revocation, step by step, for tests whose subject is what happens after it. */
public final class HolderFlow {

    private HolderFlow() {
    }

    /** Revokes the holder's only certificate of that type and returns its serial. */
    public static String revoke(Browser browser, String email, String idDocument, String type, String reason,
                                String... answers) {
        browser.open("/view/certificats/recherche.jsf")
                .choose("search:type", type)
                .type("[id='search:email']", email)
                .type("[id='search:idDocument']", idDocument)
                .click("[id='search:submit']");
        String serial = browser.find("[id='search:results'] .serial").getAttribute("title");
        browser.click(".revoke-link").find("[id='revocation:q:0:answer']");
        for (int i = 0; i < answers.length; i++) {
            browser.type("[id='revocation:q:" + i + ":answer']", answers[i]);
        }
        browser.choose("revocation:reason", reason)
                .click("[id='revocation:next']")
                .click("[id='revocation:confirmRevocation']")
                .find("#revokedSerial");
        return serial;
    }
}
