/**
 * The {@code vecdb.*} Micrometer meters. Nothing is null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.vecdb.spring.metrics;

import org.jspecify.annotations.NullMarked;
