package dev.vecdb.codec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@code byte[]} record component its fixed length, which makes it storable: the component takes exactly
 * {@link #value()} bytes in the record's layout, and writing an array of another length fails. Required on every
 * {@code byte[]} component and rejected on any other type by {@link ValueCodec#record(Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface FixedLength {
  /** The array's length in bytes, 1 to {@value ValueCodec#MAX_BYTES}. */
  int value();
}
