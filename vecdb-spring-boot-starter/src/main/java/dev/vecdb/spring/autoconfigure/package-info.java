/**
 * Auto-configuration of the vecdb Spring Boot starter: properties, vector bean registration, the database lifecycle,
 * and failure analysis. Nothing is null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.vecdb.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
