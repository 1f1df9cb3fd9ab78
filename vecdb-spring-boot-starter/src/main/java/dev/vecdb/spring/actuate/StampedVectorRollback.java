package dev.vecdb.spring.actuate;

import dev.vecdb.VecdbException;
import dev.vecdb.vec.StoredVec;

/**
 * Rolls a vector back one stamped write with vecdb's stored change sets, then flushes so the result is durable. A
 * vector without a change set for its stamp, or one another thread is writing, is answered with the reason and left
 * unchanged. Stateless, thread-safe.
 */
public class StampedVectorRollback implements VectorRollback {
  @Override
  public RollbackResult rollback(StoredVec vector) {
    long from = vector.stamp();
    try {
      long reached = vector.rollback();
      vector.flush();
      return new RollbackResult(vector.name(), true, "rolled back from stamp " + from + " to stamp " + reached
          + " and flushed");
    } catch (VecdbException e) {
      return new RollbackResult(vector.name(), false, e.getMessage());
    }
  }
}
