package org.certrevoke.audit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.inject.Named;
import java.time.DateTimeException;
import org.certrevoke.audit.control.AuditFilter;
import org.certrevoke.web.Texts;

/** Checks what the auditor typed into the log's filters and says what is wrong in the visitor's language. */
@Named("auditFilterInput")
@ApplicationScoped
public class FilterInput {

    /** A date as {@code dd-MM-yyyy [HH:mm[:ss]]}. */
    public void checkTime(FacesContext context, UIComponent component, Object value) {
        String typed = (String) value;
        if (typed != null && typed.length() > TypedTime.LONGEST) {
            throw refusal(Texts.text("audit.log.time.tooLong", TypedTime.LONGEST));
        }
        try {
            TypedTime.parse(typed);
        } catch (DateTimeException e) {
            throw refusal(Texts.text("audit.log.time.invalid"));
        }
    }

    /** Hexadecimal digits, with colons or spaces between octets if copied that way. */
    public void checkSerial(FacesContext context, UIComponent component, Object value) {
        String typed = (String) value;
        if (typed != null && typed.length() > AuditFilter.LONGEST_SERIAL) {
            throw refusal(Texts.text("audit.log.serial.tooLong", AuditFilter.LONGEST_SERIAL));
        }
        if (!AuditFilter.looksLikeSerial(typed)) {
            throw refusal(Texts.text("audit.log.serial.invalid"));
        }
    }

    private static ValidatorException refusal(String text) {
        return new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
}
