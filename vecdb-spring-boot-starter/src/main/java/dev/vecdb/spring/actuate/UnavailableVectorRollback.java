package dev.vecdb.spring.actuate;

import dev.vecdb.vec.StoredVec;

/**
 * The rollback of a vecdb-core without stamped rollback: changes nothing and says so. Stateless, thread-safe.
 */
public class UnavailableVectorRollback implements VectorRollback {
  @Override
  public RollbackResult rollback(StoredVec vector) {
    return new RollbackResult(vector.name(), false,
        "rollback is unavailable: this vecdb-core version does not implement stamped rollback yet; nothing changed");
  }
}
