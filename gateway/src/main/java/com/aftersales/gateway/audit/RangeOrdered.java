package com.aftersales.gateway.audit;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a boolean getter that tells whether a range's end is after its start: its own constraint so
 * that a reversed range gets its own code and message ({@code validation.RangeOrdered}), not the
 * generic {@code AssertTrue} one of other forms.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RangeOrdered.Check.class)
public @interface RangeOrdered {

    String message() default "to must be after from";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<RangeOrdered, Boolean> {
        @Override
        public boolean isValid(Boolean ordered, ConstraintValidatorContext context) {
            return !Boolean.FALSE.equals(ordered);
        }
    }
}
