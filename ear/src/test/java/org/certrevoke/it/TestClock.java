package org.certrevoke.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's "now", moved forward by a test so that lifetimes can be crossed without waiting. Only
 * {@link Deployments#earWithTestClock} puts it into a deployment, inside the EJB module where the
 * beans that read the clock can see it; it replaces {@code platform.control.Clocks} there and nowhere else.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class TestClock {

    private volatile Duration offset = Duration.ZERO;

    @Produces
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), offset);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }
}
