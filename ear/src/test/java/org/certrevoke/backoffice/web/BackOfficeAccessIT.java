package org.certrevoke.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.certrevoke.it.BackOffice;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.certrevoke.it.Server;
import org.certrevoke.it.Staff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

/**
 * Who reaches which part of the back office: anonymous visitors get the login form, an operator the
 * operator pages only, an auditor the auditor pages only; Elytron's brute-force protection locks an
 * account after 5 wrong passwords; logging out ends the staff session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackOfficeAccessIT {

    private static final String OPERATOR_PAGE = "/backoffice/certificats.jsf";
    private static final String AUDITOR_PAGE = "/backoffice/audit/journal.jsf";
    private static final String[] OPERATOR_PAGES = {OPERATOR_PAGE, "/backoffice/operateur/telephone.jsf",
        "/backoffice/operateur/courrier.jsf", "/backoffice/operateur/demandes.jsf"};
    private static final String[] AUDITOR_PAGES = {AUDITOR_PAGE, "/backoffice/audit/courriels.jsf",
        "/backoffice/audit/crl.jsf"};

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anonymousVisitorsGetTheLoginFormOnEveryBackOfficePage() {
        for (String path : new String[] {"/backoffice/index.jsf", "/backoffice/index.xhtml", OPERATOR_PAGES[0],
                OPERATOR_PAGES[1], OPERATOR_PAGES[2], OPERATOR_PAGES[3], AUDITOR_PAGES[0], AUDITOR_PAGES[1], AUDITOR_PAGES[2]}) {
            HttpResponse<byte[]> response = Http.get(path);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertEquals(200, response.statusCode(), path);
            assertTrue(body.contains("login:username") && body.contains("login:password"), path + " shows the login form");
            assertFalse(body.contains("ui:composition"), path + " never shows a page source");
        }
    }

    @Test
    void operatorReachesOperatorPagesButNotTheAuditorsAndLogsOut() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("/backoffice/index.jsf");
            String anonymousSession = sessionId(browser);
            BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD);
            browser.find("[id='staffBar:logout']");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/backoffice/index.jsf"), browser.driver().getCurrentUrl());
            assertTrue(browser.text("[id='staffBar']").contains("marie.operatrice (opérateur)"), browser.pageText());
            assertTrue(browser.present("[id='findCertificate']"));
            assertFalse(browser.present("[id='openAuditLog']"), "no auditor link for an operator");
            assertNotEquals(anonymousSession, sessionId(browser), "session id renewed at the login");
            browser.screenshot("backoffice-fr-01-operator-home");

            for (String page : AUDITOR_PAGES) {
                assertEquals(403, statusWithSession(browser, page), page);
            }
            for (String page : OPERATOR_PAGES) {
                assertEquals(200, statusWithSession(browser, page), page);
            }

            browser.click("[id='staffBar:logout']");
            browser.find("[id='login:username']");
            browser.open("/backoffice/index.jsf");
            assertTrue(browser.present("[id='login:username']"), "logged out");
        }
    }

    @Test
    void auditorReachesAuditorPagesButNotTheOperators() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("/backoffice/index.jsf");
            BackOffice.logIn(browser, Staff.AUDITOR_LOGIN, Staff.AUDITOR_PASSWORD);
            browser.find("[id='staffBar:logout']");
            assertTrue(browser.present("[id='openAuditLog']"));
            assertFalse(browser.present("[id='findCertificate']"), "no operator link for an auditor");
            browser.screenshot("backoffice-fr-02-auditor-home");

            for (String page : OPERATOR_PAGES) {
                assertEquals(403, statusWithSession(browser, page), page);
            }
            for (String page : AUDITOR_PAGES) {
                assertEquals(200, statusWithSession(browser, page), page);
            }
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        String login = "essai." + UUID.randomUUID().toString().substring(0, 8);
        String password = "Essai-" + UUID.randomUUID();
        createOperator(login, password);
        try (Browser browser = new Browser()) {
            browser.open("/backoffice/login.jsf");
            browser.click("[id='language:en']");
            BackOffice.logIn(browser, login, "not-the-password");
            assertTrue(browser.text("[id='login:messages']").contains("Wrong login or password"), browser.pageText());
            browser.screenshot("backoffice-en-03-login-refused");
            for (int attempt = 2; attempt <= 5; attempt++) {
                BackOffice.logIn(browser, login, "still-not-the-password-" + attempt);
            }
            BackOffice.logIn(browser, login, password);
            assertTrue(browser.present("[id='login:username']"), "the right password is refused during the lockout");
            assertTrue(browser.text("[id='login:messages']").contains("locked"));

            BackOffice.logIn(browser, Staff.OPERATOR_LOGIN, Staff.OPERATOR_PASSWORD);
            assertTrue(browser.present("[id='staffBar:logout']"), "other accounts are not locked");
        } finally {
            removeIdentity(login);
        }
    }

    @Test
    void afterTheLoginTheStaffMemberLandsOnThePageAskedFor() {
        try (Browser browser = new Browser()) {
            browser.open(OPERATOR_PAGE);
            browser.type("[id='login:username']", Staff.OPERATOR_LOGIN)
                    .type("[id='login:password']", Staff.OPERATOR_PASSWORD)
                    .click("[id='login:submit']");
            assertTrue(browser.driver().getCurrentUrl().endsWith(OPERATOR_PAGE), browser.driver().getCurrentUrl());
        }
    }

    private void createOperator(String login, String password) throws Exception {
        execute("add-identity", login, null);
        ModelNode setPassword = operation("set-password", login);
        setPassword.get("clear").get("password").set(password);
        check(management.getControllerClient().execute(setPassword));
        ModelNode role = operation("add-identity-attribute", login);
        role.get("name").set("groups");
        role.get("value").add("operator");
        check(management.getControllerClient().execute(role));
    }

    private void removeIdentity(String login) throws Exception {
        execute("remove-identity", login, null);
    }

    private void execute(String name, String login, String ignored) throws Exception {
        check(management.getControllerClient().execute(operation(name, login)));
    }

    private static ModelNode operation(String name, String login) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").add("subsystem", "elytron").add("filesystem-realm", "certrevoke-staff");
        operation.get("identity").set(login);
        return operation;
    }

    private static void check(ModelNode result) {
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    private static String sessionId(Browser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    private static int statusWithSession(Browser browser, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Server.url(path)))
                .header("Cookie", "JSESSIONID=" + sessionId(browser)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
