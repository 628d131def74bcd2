package org.certrevoke.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person typed, of at most {@link #max()} characters and without the characters nobody types on
 * purpose: control characters (NUL, line breaks, escapes), invisible format characters (bidirectional
 * overrides, zero-width spaces; the zero-width joiners that scripts and emoji need stay allowed),
 * unpaired surrogates, private-use and non-characters. What a page shows, a mail carries or a log
 * records cannot then be rearranged or cut short by what was typed. {@code null} is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Size
@Pattern(regexp = Text.PRINTABLE)
public @interface Text {

    /** A first or last name. */
    int NAME = 100;

    /** A line: an organisation's name, a workplace, a question or its answer. */
    int LINE = 200;

    String PRINTABLE = "(?:[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Zl}\\p{Zp}\\x{FFFE}\\x{FFFF}]|[\\x{200C}\\x{200D}])*";

    @OverridesAttribute(constraint = Size.class, name = "max")
    int max();

    String message() default "must be text of at most {max} characters, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
