/**
 * Runtime classes of the vecdb Spring Boot starter: the declared vectors, the flusher, background flushes, value
 * types and size figures. Nothing is null unless annotated {@code @Nullable}.
 *
 * <p>Reading order: {@link dev.vecdb.spring.VectorDeclaration} and {@link dev.vecdb.spring.VectorType} (what a
 * {@code vecdb.vectors.*} entry declares and how its vector is opened), {@link dev.vecdb.spring.VecdbVectors} (the
 * declared vectors of the database), {@link dev.vecdb.spring.VecdbFlusher} and
 * {@link dev.vecdb.spring.VecdbPeriodicFlush} (flushing and its failures), {@link dev.vecdb.spring.VecdbStats} (the
 * size figures metrics and the endpoint report). The auto-configuration that creates them is in
 * {@code dev.vecdb.spring.autoconfigure}.
 */
@NullMarked
package dev.vecdb.spring;

import org.jspecify.annotations.NullMarked;
