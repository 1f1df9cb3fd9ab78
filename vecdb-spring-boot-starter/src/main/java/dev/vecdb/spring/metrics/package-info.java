/**
 * The {@code vecdb.*} Micrometer meters. Nothing is null unless annotated {@code @Nullable}.
 *
 * <p>Reading order: {@link dev.vecdb.spring.metrics.VecdbMetrics}, the package's one class (its figures come from
 * {@link dev.vecdb.spring.VecdbStats}; configured by
 * {@code dev.vecdb.spring.autoconfigure.VecdbMetricsAutoConfiguration}).
 */
@NullMarked
package dev.vecdb.spring.metrics;

import org.jspecify.annotations.NullMarked;
