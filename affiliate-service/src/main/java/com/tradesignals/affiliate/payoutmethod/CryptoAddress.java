package com.tradesignals.affiliate.payoutmethod;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The {@code address} of a crypto payout method has the shape of an address of its {@code network}. */
@Documented
@Constraint(validatedBy = CryptoAddress.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface CryptoAddress {

    String message() default "must be an address of the network";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports on {@code address}; a missing network or address is left to {@code @NotNull}. */
    class Validator implements ConstraintValidator<CryptoAddress, PayoutMethodDetails.Crypto> {

        @Override
        public boolean isValid(PayoutMethodDetails.Crypto crypto, ConstraintValidatorContext context) {
            if (crypto == null || crypto.network() == null || crypto.address() == null
                    || crypto.network().isAddress(crypto.address())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be a " + crypto.network() + " address")
                    .addPropertyNode("address").addConstraintViolation();
            return false;
        }
    }
}
