package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.EnterpriseFixtures;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.FormClient;
import org.certrevoke.it.FormClient.Page;
import org.certrevoke.it.Http;
import org.certrevoke.it.Server;
import org.certrevoke.it.Staff;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every field of the public forms and of the operators' request pages, and the serials in their URLs, fed
 * {@link #PAYLOADS} (over-long, control characters, NUL, bidirectional and zero-width characters, emoji,
 * combining marks, expression-language and SQL injection, markup, path traversal, values a select does not
 * offer) and the same forms posted with the wrong content type, over plain HTTP as a script would send them,
 * each with the other fields valid, so that the fuzzed one is what the server has to deal with.
 * <p>
 * For each request: no 5xx, no stack trace in the body, no payload containing markup or an expression
 * reflected as it was sent (nor evaluated: {@code #{7*7}xq} never comes back as {@code 49xq}), and the
 * database unchanged. <b>Unchanged</b> means: the row counts of {@link #TABLES} (and the number of revoked
 * certificates) are the same after the request as just before it, and the audit records appended meanwhile
 * are all of {@link #LOOKUP_EVENTS} (searches and failed or checked proofs are recorded on purpose) and keep
 * the chain (the head moved by exactly their number). Throttle rows are not compared: counting failures is
 * what a refused proof is meant to do; the test empties the throttle table before each request (and puts its
 * rows back at the end) so that the per-address budgets (searches 20 a minute, proofs 10 an hour) and the
 * holder lockouts never stop a payload before the field's own checks. A postal request whose signatory name
 * is accepted (an emoji is a name) is recorded: for those the new request is allowed, and the pending
 * requests page must show the name escaped.
 * <p>
 * The counts (requests, statuses, 5xx and where, accepted postal requests) are printed, then asserted.
 */
@ExtendWith(ArquillianExtension.class)
class PublicFormsFuzzIT {

    static final List<String> TABLES = List.of("organisation", "legal_representative", "holder", "personal_question",
            "certificate_authority", "certificate", "outbox_mail", "login_code", "revocation_request",
            "revocation_request_scan");
    static final Set<String> LOOKUP_EVENTS = Set.of("HOLDER_SEARCH", "RATE_LIMITED", "PROOF_FAILED", "PROOF_SUCCEEDED",
            "REVOCATION_REFUSED", "ENTERPRISE_LOGIN_FAILED", "ENTERPRISE_EMAIL_FAILED", "ENTERPRISE_CODE_FAILED",
            "ENTERPRISE_SEARCH", "ENTERPRISE_DETAIL", "STAFF_SEARCH", "REQUEST_ANSWERS_FAILED", "REQUEST_ANSWERS_MATCHED",
            "POSTAL_FORM", "CRL_ENTRY_SKIPPED");
    /** Posted in place of the whole form: the right fields with the wrong content type. */
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/json", "multipart/form-data; boundary=x");
    static final List<String> PAYLOADS = payloads();
    /** A frame, a cause, or an exception's name followed by its message: not the class names PrimeFaces' settings carry. */
    private static final Pattern STACK_TRACE = Pattern.compile("Caused by|\\bat (org|java|jakarta|io|com|sun)\\.[\\w.$]+\\("
            + "|\\b(java|jakarta|javax|org|io|com)\\.[\\w.]+(Exception|Error)(:|\\s+at\\b)");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(PublicFormsFuzzIT.class, FormClient.class, Http.class, Server.class, Fixtures.class,
                EnterpriseFixtures.class, Staff.class, Staff.Work.class);
    }

    @Resource(lookup = "java:jboss/datasources/CertrevokeDS")
    DataSource dataSource;

    @Inject
    Fixtures fixtures;

    @Inject
    EnterpriseFixtures enterprise;

    private final Map<String, Tally> tallies = new TreeMap<>();
    private final List<Object[]> throttleRows = new ArrayList<>();

    /** How one field fared. */
    static final class Tally {
        int requests;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        int accepted;
        final List<String> unanswered = new ArrayList<>();
    }

    /** Brings a fresh visitor to the page where the field is, and returns that page. */
    interface Prepare {
        Page on(FormClient client) throws Exception;
    }

    @BeforeEach
    void keepThrottles() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT subject, window_start, attempts, locked_until FROM throttle")) {
            while (rows.next()) {
                throttleRows.add(new Object[] {rows.getString(1), rows.getObject(2), rows.getInt(3), rows.getObject(4)});
            }
        }
    }

    @AfterEach
    void putThrottlesBack() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO throttle (subject, window_start, attempts, locked_until) VALUES (?, ?, ?, ?)")) {
            delete.executeUpdate("DELETE FROM throttle");
            for (Object[] row : throttleRows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    @Test
    void everyPublicAndOperatorFieldSurvivesHostileInput() throws Exception {
        Fixtures.Issued holder = fixtures.validCertificate();
        String holderCa = fixtures.certificate(holder.certificateId()).getAuthority().getAlias();
        EnterpriseFixtures.Org org = enterprise.organisation();

        Prepare search = client -> client.get("/view/certificats/recherche.jsf");
        Map<String, String> holderSearch = Map.of("search:email", holder.email(), "search:idDocument", holder.idDocumentNumber());
        fuzzForm("holder search: type", search, "search", "search:submit", holderSearch, "search:type");
        fuzzForm("holder search: e-mail", search, "search", "search:submit", holderSearch, "search:email");
        fuzzForm("holder search: ID number", search, "search", "search:submit", holderSearch, "search:idDocument");

        Prepare proof = client -> {
            searched(client, holderSearch);
            return client.get("/view/certificats/revocation.jsf?serial=" + holder.serial());
        };
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            answers.put("revocation:q:" + i + ":answer", holder.answers().get(i));
        }
        answers.put("revocation:reason", "KEY_COMPROMISE");
        fuzzForm("holder proof: answer", proof, "revocation", "revocation:next", answers, "revocation:q:0:answer");
        fuzzForm("holder proof: reason", proof, "revocation", "revocation:next", answers, "revocation:reason");
        fuzzUrl("holder proof: ?serial=", proof, p -> "/view/certificats/revocation.jsf?serial=" + p);
        fuzzUrl("holder postal form: ?serial=", proof, p -> "/view/certificats/formulaire-revocation.pdf?serial=" + p);

        Prepare cancellation = client -> client.get("/view/certificats/annulation.jsf");
        Map<String, String> code = Map.of("annulation:email", holder.email(), "annulation:name", holder.holderName(),
                "annulation:code", holder.cancellationCode());
        fuzzForm("cancellation: e-mail", cancellation, "annulation", "annulation:find", code, "annulation:email");
        fuzzForm("cancellation: name", cancellation, "annulation", "annulation:find", code, "annulation:name");
        fuzzForm("cancellation: code", cancellation, "annulation", "annulation:find", code, "annulation:code");

        Prepare login = client -> client.get("/auth/login.jsf");
        Map<String, String> key = Map.of("login:identifier", org.identifier(), "login:accessKey", org.accessKey());
        fuzzForm("enterprise login: identifier", login, "login", "login:next", key, "login:identifier");
        fuzzForm("enterprise login: access key", login, "login", "login:next", key, "login:accessKey");
        Prepare emailStep = client -> submit(client, "/auth/login.jsf", login.on(client), "login", "login:next", key);
        Map<String, String> email = Map.of("login:email", org.representativeEmail());
        fuzzForm("enterprise login: e-mail", emailStep, "login", "login:confirmEmail", email, "login:email");
        Prepare codeStep = client -> submit(client, "/auth/login.jsf", emailStep.on(client), "login", "login:confirmEmail", email);
        fuzzForm("enterprise login: code", codeStep, "login", "login:verifyCode", Map.of("login:code", "000000"), "login:code");

        Prepare enterpriseSearch = client -> {
            Page codePage = codeStep.on(client);
            submit(client, "/auth/login.jsf", codePage, "login", "login:verifyCode",
                    Map.of("login:code", enterprise.lastCodeMailedTo(org.representativeEmail())));
            return client.get("/entreprise/recherche.jsf");
        };
        Map<String, String> noFilter = Map.of();
        fuzzForm("enterprise search: e-mail", enterpriseSearch, "search", "search:submit", noFilter, "search:email");
        fuzzForm("enterprise search: name", enterpriseSearch, "search", "search:submit", noFilter, "search:name");
        fuzzForm("enterprise search: state", enterpriseSearch, "search", "search:submit", noFilter, "search:state");
        fuzzUrl("enterprise detail: ?serial=", enterpriseSearch, p -> "/entreprise/certificat.jsf?serial=" + p);
        fuzzUrl("enterprise postal form: ?serial=", enterpriseSearch, p -> "/entreprise/formulaire-revocation.pdf?serial=" + p);

        Prepare operator = client -> {
            Page page = client.get("/backoffice/login.jsf");
            return submit(client, "/backoffice/login.jsf", page, "login", "login:submit",
                    Map.of("login:username", Staff.OPERATOR_LOGIN, "login:password", Staff.OPERATOR_PASSWORD));
        };
        String phonePath = "/backoffice/operateur/telephone.jsf?serial=" + holder.serial() + "&ca=" + holderCa;
        Prepare phone = client -> {
            operator.on(client);
            return client.get(phonePath);
        };
        Map<String, String> call = new LinkedHashMap<>();
        call.put("telephone:callerName", "Gwenaël Porteur");
        for (int i = 0; i < 3; i++) {
            call.put("telephone:q:" + i + ":answer", holder.answers().get(i));
        }
        fuzzForm("phone: caller name", phone, "telephone", "telephone:check", call, "telephone:callerName", phonePath);
        fuzzForm("phone: answer", phone, "telephone", "telephone:check", call, "telephone:q:0:answer", phonePath);
        fuzzUrl("phone: ?serial=", operator, p -> "/backoffice/operateur/telephone.jsf?serial=" + p + "&ca=" + holderCa);
        fuzzUrl("phone: ?ca=", operator, p -> "/backoffice/operateur/telephone.jsf?serial=" + holder.serial() + "&ca=" + p);

        String postPath = "/backoffice/operateur/courrier.jsf?serial=" + holder.serial() + "&ca=" + holderCa;
        Map<String, String> letter = Map.of("courrier:receivedAt_input", LocalDateTime.now(ZoneId.of("Europe/Paris"))
                .minusHours(2).format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")), "courrier:signatoryName", "Jeanne Test");
        fuzzPost("post: date", operator, postPath, letter, "courrier:receivedAt_input");
        fuzzPost("post: signatory", operator, postPath, letter, "courrier:signatory");
        fuzzPost("post: signatory name", operator, postPath, letter, "courrier:signatoryName");
        fuzzUrl("post: ?serial=", operator, p -> "/backoffice/operateur/courrier.jsf?serial=" + p + "&ca=" + holderCa);

        report();
    }

    private void fuzzForm(String field, Prepare prepare, String formId, String button, Map<String, String> valid,
                          String fuzzed) throws Exception {
        fuzzForm(field, prepare, formId, button, valid, fuzzed, null);
    }

    /** Each payload in the field from a page showing the form (the previous answer when it still does). */
    private void fuzzForm(String field, Prepare prepare, String formId, String button, Map<String, String> valid,
                          String fuzzed, String path) throws Exception {
        FormClient client = new FormClient();
        Page page = null;
        for (String payload : payloadsAndContentTypes()) {
            if (page == null || !page.has(fuzzed)) {
                client = new FormClient();
                page = prepare.on(client);
                assertTrue(page.has(fuzzed), field + ": the page has no " + fuzzed + "\n" + page.body());
            }
            Map<String, String> fields = page.form(formId);
            fields.putAll(valid);
            fields.put(button, "");
            String target = path != null ? path : pathOf(page, formId);
            Snapshot before = snapshot();
            Page answer;
            if (CONTENT_TYPES.contains(payload)) {
                fields.put(fuzzed, "x");
                answer = client.post(target, payload, FormClient.urlEncoded(fields).getBytes(StandardCharsets.UTF_8));
            } else {
                fields.put(fuzzed, payload);
                answer = client.post(target, fields);
            }
            check(field, payload, answer, before, false);
            page = answer.status() == 200 && answer.has("jakarta.faces.ViewState") ? answer : null;
        }
    }

    /** The postal form: multipart with a scan, each payload in one field. */
    private void fuzzPost(String field, Prepare operator, String path, Map<String, String> valid, String fuzzed)
            throws Exception {
        FormClient client = new FormClient();
        operator.on(client);
        for (String payload : payloadsAndContentTypes()) {
            Page page = client.get(path);
            assertTrue(page.has("courrier:signatoryName"), field + ": no postal form\n" + page.body());
            Map<String, String> fields = page.form("courrier");
            fields.putAll(valid);
            fields.put("courrier:record", "");
            Snapshot before = snapshot();
            Page answer;
            if (CONTENT_TYPES.contains(payload)) {
                fields.put(fuzzed, "x");
                answer = client.post(path, payload, FormClient.urlEncoded(fields).getBytes(StandardCharsets.UTF_8));
            } else {
                fields.put(fuzzed, payload);
                answer = client.postMultipart(path, fields, Map.of("courrier:scan", PDF));
            }
            boolean recorded = check(field, payload, answer, before, true);
            if (recorded) {
                Page pending = client.get("/backoffice/operateur/demandes.jsf");
                check(field + " (pending requests page)", payload, pending, snapshot(), false);
            }
        }
    }

    /** Each payload, URL-encoded, as a query parameter of a page the prepared visitor may open. */
    private void fuzzUrl(String field, Prepare prepare, java.util.function.Function<String, String> path) throws Exception {
        FormClient client = new FormClient();
        prepare.on(client);
        for (String payload : PAYLOADS) {
            Snapshot before = snapshot();
            Page answer;
            try {
                answer = client.get(path.apply(URLEncoder.encode(payload, StandardCharsets.UTF_8)));
            } catch (IOException closedUnanswered) {
                answer = new Page(-1, "", "");
            }
            check(field, payload, answer, before, false);
        }
    }

    /** Records how the request fared; returns whether it recorded a postal request (allowed only when {@code mayRecord}). */
    private boolean check(String field, String payload, Page answer, Snapshot before, boolean mayRecord) throws SQLException {
        Tally tally = tallies.computeIfAbsent(field, f -> new Tally());
        tally.requests++;
        tally.statuses.merge(answer.status(), 1, Integer::sum);
        String shown = shown(payload);
        if (answer.status() < 0) {
            tally.unanswered.add(shown);
        }
        if (answer.status() >= 500) {
            tally.failures.add("HTTP " + answer.status() + " for " + shown);
        }
        if (STACK_TRACE.matcher(answer.body()).find()) {
            tally.failures.add("stack trace for " + shown);
        }
        if (reflectedRaw(payload, answer.body())) {
            tally.failures.add("reflected unescaped: " + shown);
        }
        if (answer.body().contains("49xq")) {
            tally.failures.add("expression evaluated: " + shown);
        }
        Snapshot after = snapshot();
        List<String> appended = appendedSince(before);
        boolean recorded = mayRecord && appended.contains("REQUEST_RECORDED");
        if (recorded) {
            tally.accepted++;
        }
        for (String table : TABLES) {
            long difference = after.counts().get(table) - before.counts().get(table);
            boolean expected = recorded && table.startsWith("revocation_request") && difference == 1;
            if (difference != 0 && !expected) {
                tally.failures.add(table + " changed by " + difference + " for " + shown);
            }
        }
        if (after.revoked() != before.revoked()) {
            tally.failures.add("a certificate was revoked by " + shown);
        }
        for (String event : appended) {
            if (!LOOKUP_EVENTS.contains(event) && !(recorded && event.equals("REQUEST_RECORDED"))) {
                tally.failures.add("audit " + event + " for " + shown);
            }
        }
        if (after.auditHead() - before.auditHead() != appended.size()) {
            tally.failures.add("audit head moved by " + (after.auditHead() - before.auditHead()) + " for "
                    + appended.size() + " records, " + shown);
        }
        return recorded;
    }

    private static boolean reflectedRaw(String payload, String body) {
        boolean dangerous = payload.contains("<") || payload.contains("\"") && payload.contains(">");
        return dangerous && payload.length() < 200 && body.contains(payload);
    }

    private Page searched(FormClient client, Map<String, String> holderSearch) throws Exception {
        Page page = client.get("/view/certificats/recherche.jsf");
        return submit(client, "/view/certificats/recherche.jsf", page, "search", "search:submit", holderSearch);
    }

    private Page submit(FormClient client, String path, Page page, String formId, String button, Map<String, String> values)
            throws Exception {
        emptyThrottles();
        Map<String, String> fields = page.form(formId);
        fields.putAll(values);
        fields.put(button, "");
        Page answer = client.post(path, fields);
        assertEquals(200, answer.status(), path + "\n" + answer.body());
        return answer;
    }

    private static String pathOf(Page page, String formId) {
        java.util.regex.Matcher action = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(action.find(), "form " + formId);
        return action.group(1).replace("&amp;", "&").replaceFirst(";jsessionid=[^?]*", "");
    }

    private void report() {
        int requests = 0;
        List<String> failures = new ArrayList<>();
        StringBuilder out = new StringBuilder("\nFuzz of the public and operator forms: ").append(PAYLOADS.size())
                .append(" payloads + ").append(CONTENT_TYPES.size()).append(" content types per form field\n");
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            requests += tally.requests;
            long serverErrors = tally.statuses.entrySet().stream().filter(s -> s.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
            out.append(String.format("  %-36s %4d requests, statuses %s, 5xx %d, accepted %d, failures %d%n", entry.getKey(),
                    tally.requests, tally.statuses, serverErrors, tally.accepted, tally.failures.size()));
            tally.failures.forEach(f -> failures.add(entry.getKey() + ": " + f));
            tally.unanswered.forEach(u -> out.append("      connection closed without an answer (status -1) for ").append(u).append('\n'));
        }
        out.append(String.format("  total: %d requests, %d failures%n", requests, failures.size()));
        failures.forEach(f -> out.append("    ").append(f).append('\n'));
        System.out.println(out);
        assertTrue(failures.isEmpty(), out.toString());
    }

    private static String shown(String payload) {
        String printable = payload.length() > 40 ? payload.substring(0, 20) + "…(" + payload.length() + " chars)" : payload;
        StringBuilder shown = new StringBuilder("payload \"");
        printable.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append('"').toString();
    }

    record Snapshot(Map<String, Long> counts, long revoked, long auditHead) {
    }

    private Snapshot snapshot() throws SQLException {
        emptyThrottles();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                counts.put(table, single(statement, "SELECT COUNT(*) FROM " + table));
            }
            return new Snapshot(counts, single(statement, "SELECT COUNT(*) FROM certificate WHERE revoked = TRUE"),
                    single(statement, "SELECT last_id FROM audit_chain_head"));
        }
    }

    private List<String> appendedSince(Snapshot before) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT event FROM audit_record WHERE id > ? ORDER BY id")) {
            select.setLong(1, before.auditHead());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1));
                }
            }
        }
        return events;
    }

    private void emptyThrottles() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM throttle");
        }
    }

    private static long single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> payloadsAndContentTypes() {
        List<String> all = new ArrayList<>(PAYLOADS);
        all.addAll(CONTENT_TYPES);
        return all;
    }

    private static List<String> payloads() {
        return List.of("", " ", "a".repeat(10_000), "é".repeat(1_000_000 / 2), "\u0000", "abc\u0000def",
                "\u0001\u0002\u0003\u001b[31m\u001f\u007f", "\r\n\r\nSet-Cookie: fuzz=1", "\t", "\u202Egnp.exe\u202C",
                "\u200B\u200C\u200D\u2060\uFEFF", "مرحبا بالعالم", "\u05E9\u05DC\u05D5\u05DD \u200F", "😀🔥👨‍👩‍👧",
                "Zoe\u0301\u0308\u0327", "Z\u0337\u0322\u031Ba\u0335l\u0338g\u0337o\u0334".repeat(50), "王小明", "#{7*7}xq",
                "${7*7}xq", "' OR 1=1--", "\" OR \"\"=\"", "'; DROP TABLE certificate;--", "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini",
                "%00", "%27%20OR%201%3D1", "{{7*7}}xq", "\uD800", "\uFFFF\uFFFE", "a@b", "x@example.test\nBcc: y@example.test",
                "0", "-1", "99999999999999999999999999999999", "NaN", "null", "[]", "%s%s%n", "<![CDATA[x]]>", "&lt;&amp;",
                "A".repeat(201), "\uFB01\u2126\u00BD", "😀".repeat(5_000), "KEY_COMPROMISE\u0000", "SIGNATURE ");
    }
}
