package com.tradesignals.affiliate.payoutmethod;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An IBAN (ISO 13616) of a known country, of that country's length, with valid mod-97 check digits. */
@Documented
@Constraint(validatedBy = Iban.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface Iban {

    String message() default "must be an IBAN with valid check digits and its country's length";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to {@code @NotNull}. */
    class Validator implements ConstraintValidator<Iban, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Ibans.isValid(Ibans.normalised(value));
        }
    }
}
