package dev.vecdb.codec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code byte}, {@code short}, {@code int} or {@code long} record component as unsigned ({@code u8},
 * {@code u16}, {@code u32}, {@code u64}): the stored bits are unchanged, but the component compares and formats as
 * an unsigned number, so {@code (byte) -1} is {@code 255} and sorts after {@code 1}. On any other component type,
 * {@link ValueCodec#record(Class)} rejects the record.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Unsigned {}
