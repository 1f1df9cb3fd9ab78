/**
 * Replication of the vecdb database through Apache Kafka in a Spring application: the leader's publisher and the
 * follower's applier as lifecycle beans, their health and meters. Nothing is null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.vecdb.spring.replication;

import org.jspecify.annotations.NullMarked;
