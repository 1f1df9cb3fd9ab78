package dev.vecdb;

import dev.vecdb.store.RegionStore;

/** Test access to a database's region store from tests outside {@code dev.vecdb} (corruption and layout checks). */
public final class Internals {
  private Internals() {}

  /** The region store underneath {@code database}. */
  public static RegionStore regions(Database database) {
    return database.regions();
  }
}
