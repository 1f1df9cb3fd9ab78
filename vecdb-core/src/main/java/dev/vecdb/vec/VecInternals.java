package dev.vecdb.vec;

import dev.vecdb.internal.StoreAccess;
import dev.vecdb.internal.VecAccess;
import dev.vecdb.store.RegionStore;

/** The implementation of {@link VecAccess}: registered by {@link StoredVec}'s class initializer. Stateless. */
final class VecInternals extends VecAccess {
  @Override
  public VecRegistry registry(RegionStore store, boolean commitLog) {
    CommitRecorder recorder = null;
    if (commitLog) {
      recorder = new CommitRecorder();
      StoreAccess.get().enableCommitLog(store, recorder);
    }
    return new VecRegistry(store, recorder);
  }

  @Override
  public Runnable decodeCommit(VecRegistry vectors, byte[] payload, long number) {
    CommitApplier records = CommitApplier.decode(payload, number, vectors.store());
    return () -> records.applyTo(vectors);
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
