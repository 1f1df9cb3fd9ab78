package dev.vecdb.store;

import dev.vecdb.internal.CommitLog;
import dev.vecdb.internal.StoreAccess;

/** The implementation of {@link StoreAccess}: registered by {@link RegionStore}'s class initializer. Stateless. */
final class StoreInternals extends StoreAccess {
  @Override
  public CommitLog enableCommitLog(RegionStore store, CommitLog.Records records) {
    return store.enableCommitLog(records);
  }

  @Override
  public CommitLog outbox(RegionStore store) {
    return store.outbox();
  }
}
