package dev.vecdb.spring.actuate;

import dev.vecdb.vec.StoredVec;

/**
 * Rolls a vector back to the state before its latest stamped write, for the endpoint's rollback operation (only
 * reachable with {@code vecdb.endpoint.rollback-enabled=true}). The default, {@link StampedVectorRollback},
 * rolls back with the stored change sets and flushes; define a bean of this type to replace it. Implementations are called
 * on request threads and must respect the vector's single-writer rule.
 */
@FunctionalInterface
public interface VectorRollback {
  /** Rolls {@code vector} back and says what happened. */
  RollbackResult rollback(StoredVec vector);
}
