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
    VecAccess access = instance;
    if (access == null) {
      try {
        Class.forName(StoredVec.class.getName(), true, StoredVec.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("vecdb is missing " + StoredVec.class.getName(), e);
      }
      access = instance;
    }
    return access;
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

  /** The registry of the vectors of a database that stores its regions in {@code store}. */
  public abstract VecRegistry registry(RegionStore store);

  /**
   * The computed version stored in the vector's header: what a computation ({@code dev.vecdb.compute}) last derived
   * the vector's values from (0 for a vector never computed).
   */
  public abstract int computedVersion(StoredVec vector);

  /** Sets the vector's computed version, persisted by its next {@code write()}; the caller owns the vector. */
  public abstract void updateComputedVersion(StoredVec vector, int computedVersion);
}
