/**
 * The {@code vecdb} health indicator. Nothing is null unless annotated {@code @Nullable}.
 *
 * <p>Reading order: {@link dev.vecdb.spring.health.VecdbHealthIndicator}, the package's one class (configured by
 * {@code dev.vecdb.spring.autoconfigure.VecdbHealthAutoConfiguration}).
 */
@NullMarked
package dev.vecdb.spring.health;

import org.jspecify.annotations.NullMarked;
