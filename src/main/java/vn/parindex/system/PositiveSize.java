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
import org.springframework.util.unit.DataSize;

/** A size setting ({@link DataSize}: {@code 20MB}, {@code 64KB}) of at least one byte and at most {@link #max()}. */
@Documented
@Constraint(validatedBy = PositiveSize.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PositiveSize {

    String message() default "must be a size of at least 1 byte and at most {max} bytes (e.g. 20MB)";

    /** The largest size allowed, in bytes. */
    long max() default Long.MAX_VALUE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Valid when positive and not above the maximum (null is left to {@code @NotNull}). */
    class Check implements ConstraintValidator<PositiveSize, DataSize> {

        private long max;

        @Override
        public void initialize(PositiveSize annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(DataSize value, ConstraintValidatorContext context) {
            return value == null || value.toBytes() > 0 && value.toBytes() <= max;
        }
    }
}
