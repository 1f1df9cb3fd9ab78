/**
 * The {@code vecdb} health indicator. Nothing is null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.vecdb.spring.health;

import org.jspecify.annotations.NullMarked;
