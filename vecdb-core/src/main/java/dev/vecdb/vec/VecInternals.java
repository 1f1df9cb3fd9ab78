package dev.vecdb.vec;

import dev.vecdb.internal.VecAccess;
import dev.vecdb.store.RegionStore;

/** The implementation of {@link VecAccess}: registered by {@link StoredVec}'s class initializer. Stateless. */
final class VecInternals extends VecAccess {
  @Override
  public VecRegistry registry(RegionStore store) {
    return new VecRegistry(store);
  }

  @Override
  public int computedVersion(StoredVec vector) {
    return vector.computedVersion();
  }

  @Override
  public void updateComputedVersion(StoredVec vector, int computedVersion) {
    vector.updateComputedVersion(computedVersion);
  }
}
