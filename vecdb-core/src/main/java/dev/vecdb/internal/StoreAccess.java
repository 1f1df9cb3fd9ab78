package dev.vecdb.internal;

import dev.vecdb.store.RegionStore;

/**
 * What the engine's other packages may do with the package-private plumbing of {@code dev.vecdb.store}, and nobody
 * else (see {@link VecAccess}, its counterpart for {@code dev.vecdb.vec}). The implementation lives in
 * {@code dev.vecdb.store} and registers itself when {@link RegionStore} is initialized; {@link #get()} initializes it
 * first. This package is not exported by the module.
 *
 * <p>Thread-safe: registration happens once, during class initialization.
 */
public abstract class StoreAccess {
  private static volatile StoreAccess instance;

  /** For the one implementation in {@code dev.vecdb.store}. */
  protected StoreAccess() {}

  /** The registered implementation. */
  public static StoreAccess get() {
    if (instance == null) {
      VecAccess.initialize(RegionStore.class);
    }
    return instance;
  }

  /**
   * Registers {@code access}; called once, by {@code dev.vecdb.store} itself.
   *
   * @throws IllegalStateException if an implementation is registered already
   */
  public static synchronized void register(StoreAccess access) {
    if (instance != null) {
      throw new IllegalStateException("vecdb's store access is registered already");
    }
    instance = access;
  }

  /**
   * Turns the commit log of {@code store} on: from now on every flush takes its commit's payload from
   * {@code records} and appends it to the returned outbox atomically with the commit. Called once, right after
   * opening.
   *
   * @throws IllegalStateException if the store is read-only, or the commit log is on already
   * @throws dev.vecdb.CorruptionException if the outbox is damaged or records a commit past the store's commit
   *     number
   */
  public abstract CommitLog enableCommitLog(RegionStore store, CommitLog.Records records);

  /** The outbox of {@code store}, or null when its commit log is off. */
  public abstract CommitLog outbox(RegionStore store);
}
