package org.certrevoke.backoffice.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import org.certrevoke.backoffice.control.RequestSummary;
import org.certrevoke.web.Texts;

/** What is left of a request's deadline, in words ("5 h 12 min left", "overdue by 1 h 03 min"). */
@Named
@ApplicationScoped
public class TimeLeft {

    public String of(RequestSummary request) {
        Duration left = request.timeLeft();
        if (left.isNegative()) {
            Duration late = left.negated();
            return Texts.text("backoffice.request.overdueBy", late.toHours(), minutes(late));
        }
        return Texts.text("backoffice.request.timeLeft", left.toHours(), minutes(left));
    }

    private static String minutes(Duration duration) {
        return String.format("%02d", duration.toMinutesPart());
    }
}
