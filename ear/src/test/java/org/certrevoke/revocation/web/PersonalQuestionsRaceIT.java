package org.certrevoke.revocation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certrevoke.it.Burst;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.Http;
import org.certrevoke.it.Limits;
import org.certrevoke.it.PageSession;
import org.certrevoke.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The personal questions raced through the real pages: thirty visitors, each with a session of its own
 * that searched and opened the revocation page first, post their answers at the same moment. The test runs
 * inside the server only to read what the burst left in the database (audit records, queued mails,
 * counters); the posts are plain HTTP from the loopback address, whose budgets it puts back afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class PersonalQuestionsRaceIT {

    private static final int BURST = 30;
    private static final int LIMIT = 3;
    /** Visitors who opened the questions before the lock and answer them rightly after it (a locked holder's page asks none). */
    private static final int RIGHTFUL = 5;
    private static final List<String> WRONG = List.of("Paris", "12h00", "Dupont");
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
    private static final String WRONG_PAGE = "Les réponses ne correspondent pas";
    private static final String LOCKED_PAGE = "la révocation en ligne est bloquée";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(PersonalQuestionsRaceIT.class, Fixtures.class, Limits.class, Limits.Row.class,
                Limits.Several.class, Burst.class, Burst.Outcome.class, PageSession.class, Http.class, Server.class);
    }

    @Inject
    Limits limits;

    private final Map<String, Limits.Row> sharedBudgets = new HashMap<>();

    @BeforeEach
    void setLoopbackBudgetsAside() {
        for (String address : LOOPBACK) {
            for (String subject : List.of("address-proof:" + address, "search:" + address)) {
                sharedBudgets.put(subject, limits.row(subject));
                limits.set(subject, null);
            }
        }
    }

    @AfterEach
    void putLoopbackBudgetsBack() {
        sharedBudgets.forEach(limits::set);
    }

    @Test
    void thirtyWrongAnswerSetsPostedTogetherAreEvaluatedThreeTimesAndLockTheHolderOnce() {
        Limits.Several holder = limits.holderWithCertificates(1);
        String serial = holder.serials().get(0);
        List<PageSession> visitors = visitors(holder, BURST + RIGHTFUL);

        List<Burst.Outcome<String>> pages = Burst.fire(BURST, i -> () -> answer(visitors.get(i), serial, WRONG));

        Map<String, Long> events = limits.eventsAbout(serial);
        long lockedPages = pages.stream().filter(page -> page.value() != null && page.value().contains(LOCKED_PAGE)).count();
        long mails = limits.mailsTo(holder.first().email(), "Tentatives de révocation refusées");
        System.out.printf("personal questions through the pages, %d together: evaluated %d, refused %d, lockouts %d,"
                        + " lockout mails %d (%s)%n", BURST, events.getOrDefault("PROOF_FAILED", 0L),
                events.getOrDefault("RATE_LIMITED", 0L), events.getOrDefault("LOCKOUT", 0L), mails, events);
        assertEquals(List.of(), Burst.unexpected(pages, List.of()));
        assertEquals(LIMIT, events.getOrDefault("PROOF_FAILED", 0L), "answer sets evaluated: " + events);
        assertEquals(BURST - LIMIT, events.getOrDefault("RATE_LIMITED", 0L), "refused unevaluated: " + events);
        assertEquals(1, events.getOrDefault("LOCKOUT", 0L), "lockout records: " + events);
        assertEquals(1, mails, "lockout mails");
        assertTrue(lockedPages >= BURST - LIMIT, lockedPages + " pages say the holder is locked");

        List<Burst.Outcome<String>> right = Burst.fire(RIGHTFUL, i -> () -> answer(visitors.get(BURST + i), serial,
                Fixtures.ANSWERS));
        assertTrue(right.stream().allMatch(page -> page.value() != null && page.value().contains(LOCKED_PAGE)),
                "the right answers are refused while the holder is locked");
        assertEquals(0, limits.eventsAbout(serial).getOrDefault("PROOF_SUCCEEDED", 0L));
    }

    @Test
    void theRightAnswersPostedInsideTheBurstAreRefusedOnceTheLockIsSet() {
        Limits.Several holder = limits.holderWithCertificates(1);
        String serial = holder.serials().get(0);
        String subject = "holder-proof:" + holder.holderId();
        List<PageSession> visitors = visitors(holder, BURST);

        List<Burst.Outcome<String>> pages = Burst.fire(BURST, i -> i < BURST - 1
                ? () -> answer(visitors.get(i), serial, WRONG)
                : () -> {
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (!limits.locked(subject) && System.nanoTime() < deadline) {
                        Thread.sleep(2);
                    }
                    return answer(visitors.get(i), serial, Fixtures.ANSWERS);
                });

        Map<String, Long> events = limits.eventsAbout(serial);
        System.out.printf("personal questions, %d wrong and the right one once the lock is set: %s%n", BURST - 1, events);
        assertEquals(List.of(), Burst.unexpected(pages, List.of()));
        assertTrue(pages.get(BURST - 1).value().contains(LOCKED_PAGE), "the right answers are refused");
        assertEquals(0, events.getOrDefault("PROOF_SUCCEEDED", 0L));
        assertEquals(LIMIT, events.getOrDefault("PROOF_FAILED", 0L), "answer sets evaluated: " + events);
        assertEquals(1, events.getOrDefault("LOCKOUT", 0L), "lockout records: " + events);
        assertEquals(1, limits.mailsTo(holder.first().email(), "Tentatives de révocation refusées"));
    }

    /** Visitors who each searched for the holder and opened the revocation page, one after the other. */
    private List<PageSession> visitors(Limits.Several holder, int count) {
        List<PageSession> visitors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LOOPBACK.forEach(address -> limits.set("search:" + address, null));
            PageSession visitor = new PageSession();
            visitor.open("/view/certificats/recherche.jsf");
            String results = visitor.post("/view/certificats/recherche.jsf", Map.of("search", "search",
                    "search:email", holder.first().email(), "search:idDocument", holder.first().idDocumentNumber(),
                    "search:submit", ""));
            assertTrue(results.contains(holder.serials().get(0)), "the search finds the certificate");
            String page = visitor.open("/view/certificats/revocation.jsf?serial=" + holder.serials().get(0));
            assertTrue(page.contains("revocation:q:0:answer"), "the questions are asked");
            visitors.add(visitor);
        }
        return visitors;
    }

    private static String answer(PageSession visitor, String serial, List<String> answers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("revocation", "revocation");
        for (int i = 0; i < answers.size(); i++) {
            form.put("revocation:q:" + i + ":answer", answers.get(i));
        }
        form.put("revocation:reason", "HOLDER_REQUEST");
        form.put("revocation:next", "");
        String page = visitor.post("/view/certificats/revocation.jsf?serial=" + serial, form);
        if (!page.contains(WRONG_PAGE) && !page.contains(LOCKED_PAGE) && !page.contains("revocation:confirmRevocation")) {
            throw new AssertionError("neither refused nor accepted: " + page);
        }
        return page;
    }
}
