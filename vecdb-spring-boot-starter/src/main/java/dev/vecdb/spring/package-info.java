/**
 * Runtime classes of the vecdb Spring Boot starter: the declared vectors, the flusher, background flushes, value
 * types and size figures. Nothing is null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.vecdb.spring;

import org.jspecify.annotations.NullMarked;
