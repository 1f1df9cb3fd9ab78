package dev.vecdb.internal;

import dev.vecdb.store.RegionStore;
import dev.vecdb.vec.StoredVec;
import dev.vecdb.vec.VecRegistry;

/**
 * What the engine's other packages may do with the package-private plumbing of {@code dev.vecdb.vec}, and nobody
 * else: the way the JDK's {@code SharedSecrets} let {@code java.*} packages reach each other's internals. The
 * implementation lives in {@code dev.vecdb.vec} and registers itself when that package's {@link StoredVec} class is
 * initialized; {@link #get()} initializes it first. This package is not exported by the module.
 *
 * <p>Thread-safe: registration happens once, during class initialization.
 */
public abstract class VecAccess {
  private static volatile VecAccess instance;

  /** For the one implementation in {@code dev.vecdb.vec}. */
  protected VecAccess() {}

  /** The registered implementation. */
  public static VecAccess get() {
    if (instance == null) {
      initialize(StoredVec.class);
    }
    return instance;
  }

  /** Runs the class initializer of {@code owner}, which registers its package's access implementation. */
  static void initialize(Class<?> owner) {
    try {
      Class.forName(owner.getName(), true, owner.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw Exceptions.illegalState(e, "vecdb is missing %s", owner.getName());
    }
  }

  /**
   * Registers {@code access}; called once, by {@code dev.vecdb.vec} itself.
   *
   * @throws IllegalStateException if an implementation is registered already
   */
  public static synchronized void register(VecAccess access) {
    if (instance != null) {
      throw new IllegalStateException("vecdb's vector access is registered already");
    }
    instance = access;
  }

  /**
   * The registry of the vectors of a database that stores its regions in {@code store}. With {@code commitLog} the
   * store's commit log is turned on and the vectors record their changes into it (see
   * {@link StoreAccess#enableCommitLog}).
   *
   * @throws IllegalStateException if {@code commitLog} and the store is read-only
   * @throws dev.vecdb.CorruptionException if the store's outbox is damaged
   */
  public abstract VecRegistry registry(RegionStore store, boolean commitLog);

  /**
   * Decodes and checks the payload of commit {@code number} completely, before anything is applied; the returned
   * action applies its change records to the vectors of {@code vectors} (the caller holds the right to write and
   * flushes afterwards).
   *
   * @throws dev.vecdb.CorruptionException if the payload fails its checksum or does not decode; the action throws
   *     it if a record does not fit the follower's vectors (then nothing was applied)
   */
  public abstract Runnable decodeCommit(VecRegistry vectors, byte[] payload, long number);

  /**
   * The computed version stored in the vector's header: what a computation ({@code dev.vecdb.compute}) last derived
   * the vector's values from (0 for a vector never computed).
   */
  public abstract int computedVersion(StoredVec vector);

  /** Sets the vector's computed version, persisted by its next {@code write()}; the caller owns the vector. */
  public abstract void updateComputedVersion(StoredVec vector, int computedVersion);
}
