package org.certrevoke.audit.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.certrevoke.audit.control.AuditEventType;
import org.junit.jupiter.api.Test;

/** The audit log shows every event by a label in the auditor's language, never by its code. */
class EventLabelsTest {

    private static final String BUNDLE = "org.certrevoke.web.messages";

    @Test
    void everyEventHasAFrenchAndAnEnglishLabel() {
        ResourceBundle french = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);
        ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        for (AuditEventType event : AuditEventType.values()) {
            String key = "audit.event." + event.name();
            assertTrue(french.containsKey(key) && english.containsKey(key), "no label for " + event);
            assertFalse(french.getString(key).isBlank(), key);
            assertNotEquals(french.getString(key), english.getString(key), key + " is translated");
            assertFalse(english.getString(key).contains(event.name()), key + " is a label, not the code");
        }
    }
}
