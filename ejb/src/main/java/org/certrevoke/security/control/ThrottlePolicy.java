package org.certrevoke.security.control;

import java.time.Duration;

/** How many attempts a subject may make in a window, and how long it is locked out after that. */
public record ThrottlePolicy(String prefix, int limit, Duration window, Duration lockFor) {

    public String subject(String key) {
        return prefix + ":" + key;
    }
}
