/**
 * Auto-configuration of the vecdb Spring Boot starter: properties, vector bean registration, the database lifecycle,
 * and failure analysis. Nothing is null unless annotated {@code @Nullable}.
 *
 * <p>Reading order: {@link dev.vecdb.spring.autoconfigure.VecdbProperties} (the {@code vecdb.*} properties, checked
 * by {@link dev.vecdb.spring.autoconfigure.VecdbPropertiesValidator}),
 * {@link dev.vecdb.spring.autoconfigure.VecdbAutoConfiguration} (the database, its vectors and flusher), {@link dev.vecdb.spring.autoconfigure.VectorBeanRegistrar} (one bean per
 * declared vector), {@link dev.vecdb.spring.autoconfigure.DatabaseLifecycle} (the flush and close at shutdown), then
 * the endpoint, health and metrics auto-configurations and the failure analyzers.
 */
@NullMarked
package dev.vecdb.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
