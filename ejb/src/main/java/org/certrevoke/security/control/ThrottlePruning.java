package org.certrevoke.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every attempt on an address, an e-mail or an identifier leaves a throttle row, whoever made it up: once an hour,
 * the rows that count nothing any more (unlocked, older than the longest window) are deleted, so that the table
 * holds what the last day saw, not every address ever tried. Every server of a cluster may run it; deleting twice
 * deletes nothing more.
 */
@PermitAll
@Singleton
public class ThrottlePruning {

    private static final Logger LOG = Logger.getLogger(ThrottlePruning.class.getName());

    @Inject
    ThrottleRows rows;

    @Inject
    ThrottlePolicies policies;

    @Schedule(hour = "*", minute = "23", persistent = false, info = "throttle pruning")
    void prune() {
        int deleted = rows.prune(policies.longestWindow());
        if (deleted > 0) {
            LOG.info(() -> "Throttle rows that counted nothing any more deleted: " + deleted);
        }
    }
}
