package org.certrevoke.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * One address a mail can be sent to, and nothing else: a single RFC 5322 addr-spec (dot-atom local part,
 * host name with a top-level domain), so that neither a list of addresses nor a header smuggled in on a
 * line break ever reaches the outbox. {@code null} is valid; add {@code @NotNull} where it is required.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Size(max = EmailAddress.MAX_LENGTH)
@Pattern(regexp = EmailAddress.ADDR_SPEC)
public @interface EmailAddress {

    /** RFC 5321 §4.5.3.1.3: the longest path is 256 octets, brackets included. */
    int MAX_LENGTH = 254;

    String ADDR_SPEC = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";

    String message() default "must be one e-mail address of at most 254 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
