package com.verdict.people;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password BCrypt can hash: 4 to 72 bytes in UTF-8. BCrypt reads at most 72 bytes (Spring Security refuses
 * more), and a character outside ASCII takes 2 to 4 of them, so a limit in characters lets some through.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FitsBcrypt.Check.class)
@interface FitsBcrypt {

    /** In the words of the admin who types it: bytes are BCrypt's unit, not theirs. */
    String RULE = "must be 4 to 72 characters (a letter such as é, or an emoji, counts as 2 to 4)";

    String message() default RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<FitsBcrypt, String> {

        static boolean fits(String password) {
            return password != null && password.length() >= 4
                    && password.getBytes(StandardCharsets.UTF_8).length <= 72;
        }

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || fits(password);
        }
    }
}
