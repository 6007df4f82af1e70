package vn.parindex.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.scheduling.support.CronExpression;

/**
 * A setting that is a Spring cron expression (six fields: second minute hour day month weekday, e.g.
 * {@code 0 30 1 * * *}), or {@code -}: never ({@link org.springframework.scheduling.annotation.Scheduled#CRON_DISABLED});
 * checked at start, so a malformed schedule stops the start instead of failing later.
 */
@Documented
@Constraint(validatedBy = CronSchedule.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CronSchedule {

    String message() default "must be a cron expression of six fields (second minute hour day month weekday), "
            + "e.g. \"0 30 1 * * *\", or - for never";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Valid when Spring's {@link CronExpression} reads it, or "-" (null is left to {@code @NotNull}). */
    class Check implements ConstraintValidator<CronSchedule, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.equals(org.springframework.scheduling.annotation.Scheduled.CRON_DISABLED)
                    || CronExpression.isValidExpression(value);
        }
    }
}
