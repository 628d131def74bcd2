package org.certrevoke.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An organisation's identifier, as printed on its registration file and typed at the enterprise login:
 * capital letters, digits and hyphens, so that it can stand in a URL, a mail or a log as it is.
 * {@code null} is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = Identifier.PATTERN)
public @interface Identifier {

    int MAX_LENGTH = 64;

    String PATTERN = "[A-Z0-9][A-Z0-9-]{1," + (MAX_LENGTH - 1) + "}";

    String message() default "must be 2 to 64 capital letters, digits and hyphens, starting with a letter or digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
