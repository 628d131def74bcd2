package org.certrevoke.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.certrevoke.platform.control.SupportContact;

/** The support block of every public page and of the lockout messages, in the visitor's language. */
@Named
@RequestScoped
public class Support {

    @Inject
    SupportContact contact;

    @Inject
    Language language;

    public SupportContact getContact() {
        return contact;
    }

    public String getHours() {
        return contact.hours(language.getLocale());
    }

    /** A lockout message: {0} the end of the lock, {1} the support's phone, {2} its opening hours. */
    public void locked(String key, String until) {
        Texts.error(key, until, contact.phone(), getHours());
    }
}
