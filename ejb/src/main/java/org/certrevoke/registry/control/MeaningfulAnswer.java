package org.certrevoke.registry.control;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.certrevoke.security.control.AnswerNormaliser;

/**
 * An answer to a personal question that still says something once folded the way answers are compared
 * ({@link AnswerNormaliser}): spaces or accents alone would hash to the answer of nothing, which anybody
 * can give. {@code null} is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = MeaningfulAnswer.Check.class)
public @interface MeaningfulAnswer {

    String message() default "must not be empty once spaces and accents are left out";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<MeaningfulAnswer, String> {

        @Override
        public boolean isValid(String answer, ConstraintValidatorContext context) {
            return answer == null || !AnswerNormaliser.normalise(answer).isEmpty();
        }
    }
}
