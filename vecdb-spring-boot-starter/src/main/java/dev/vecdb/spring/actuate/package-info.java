/**
 * The {@code vecdb} actuator endpoint and the answers it writes. Nothing is null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.vecdb.spring.actuate;

import org.jspecify.annotations.NullMarked;
