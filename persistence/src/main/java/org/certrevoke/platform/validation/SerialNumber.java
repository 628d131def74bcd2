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
 * A certificate serial number in hexadecimal: positive and at most 20 octets (RFC 5280 §4.1.2.2), the
 * only serials a CRL or an OCSP answer can carry. Zero, a negative or a longer serial is refused where it
 * comes in rather than stored and choking the CRL later. {@code null} is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = SerialNumber.PATTERN)
public @interface SerialNumber {

    /** 20 octets hold at most 159 bits of a positive number: 40 hex digits starting with 1 to 7, or fewer. */
    String PATTERN = "0{0,24}(?:[1-7][0-9a-fA-F]{39}|[1-9a-fA-F][0-9a-fA-F]{0,38})";

    String message() default "must be a positive serial number of at most 20 octets, in hexadecimal";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
