package org.certrevoke.backoffice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.certrevoke.backoffice.control.CertificateRef;
import org.certrevoke.it.Burst;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Fixtures;
import org.certrevoke.it.Limits;
import org.certrevoke.it.Staff;
import org.certrevoke.security.control.LockedOutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The phone check raced: thirty checks of wrong answers at once by one operator spend the holder's
 * personal-question budget like the holder's own page, and no more. The operator's own failure budget,
 * which other tests share, is put back afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class PhoneCheckRaceIT {

    private static final int BURST = 30;
    private static final List<String> WRONG = List.of("Paris", "12h00", "Dupont");
    private static final String OPERATOR_BUDGET = "address-proof:operator:" + Staff.OPERATOR_LOGIN;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(PhoneCheckRaceIT.class, Fixtures.class, Limits.class, Limits.Row.class,
                Limits.Several.class, Burst.class, Burst.Outcome.class, Staff.class, Staff.Work.class);
    }

    @Inject
    PhoneRequests phone;

    @Inject
    Limits limits;

    @Test
    void thirtyWrongAnswerSetsCheckedAtOnceAreEvaluatedThreeTimes() throws Exception {
        Limits.Several holder = limits.holderWithCertificates(1);
        String authority = Staff.asOperator(() -> phone.open(new CertificateRef(null, holder.serials().get(0))))
                .certificate().authority();
        CertificateRef ref = new CertificateRef(authority, holder.serials().get(0));
        String address = Fixtures.freshClientAddress();
        SecurityIdentity operator = SecurityDomain.getCurrent().authenticate(Staff.OPERATOR_LOGIN,
                new PasswordGuessEvidence(Staff.OPERATOR_PASSWORD.toCharArray()));
        Limits.Row operatorBudget = limits.row(OPERATOR_BUDGET);
        limits.set(OPERATOR_BUDGET, null);
        try {
            List<Burst.Outcome<Boolean>> outcomes = Burst.fire(BURST, i -> () -> operator.runAs(
                    (Callable<Boolean>) () -> phone.check(ref, WRONG, address)));

            Map<String, Long> events = limits.eventsAbout(ref.serial());
            long mails = limits.mailsTo(holder.first().email(), "refusées");
            System.out.printf("phone checks, %d together: evaluated %d, refused %d, lockout mails %d (%s)%n", BURST,
                    events.getOrDefault("PROOF_FAILED", 0L), Burst.count(outcomes, LockedOutException.class), mails, events);
            assertEquals(List.of(), Burst.unexpected(outcomes, List.of(LockedOutException.class)));
            assertEquals(3, events.getOrDefault("PROOF_FAILED", 0L), "answer sets evaluated: " + events);
            assertEquals(1, events.getOrDefault("LOCKOUT", 0L), "lockout records: " + events);
            assertEquals(1, mails, "lockout mails");
            assertThrows(LockedOutException.class, () -> operator.runAs(
                    (Callable<Boolean>) () -> phone.check(ref, Fixtures.ANSWERS, address)));
        } finally {
            limits.set(OPERATOR_BUDGET, operatorBudget);
        }
    }
}
