package dev.vecdb.vec;

import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;

/**
 * The durable copy of a vector's {@link ChangeTracker}: the {@code <vector>@baseline} region, written by every write
 * (in the write's atomic group, so a flush commits it with the data it describes) and read when the vector opens.
 * It exists only while the written vector differs from its baseline; otherwise the vector itself is the baseline and
 * the region is removed. Encoded as a {@link Delta} labelled with the baseline's stamp. Not thread-safe (used by the
 * vector's writer).
 */
final class Baseline {
  static final String SUFFIX = "@baseline";

  private final RegionStore store;
  private final String vector;
  private final int size;
  private Region region;
  /** The {@link ChangeTracker#version()} the region holds. */
  private long storedVersion = -1;

  Baseline(RegionStore store, String vector, int size) {
    this.store = store;
    this.vector = vector;
    this.size = size;
    this.region = store.find(regionId()).orElse(null);
  }

  /** Whether the region exists. */
  boolean exists() {
    return region != null;
  }

  String regionId() {
    return vector + SUFFIX;
  }

  /** Restores {@code tracker} from the region, if it exists, for a vector of length {@code len}. */
  boolean restoreInto(ChangeTracker tracker, long len) {
    if (region == null) {
      return false;
    }
    String where = "vector '" + vector + "', change baseline";
    tracker.restore(Delta.decode(MemorySegment.ofArray(region.readAll()), size, where), len, where);
    storedVersion = tracker.version();
    return true;
  }

  /**
   * Stores what {@code tracker} recorded for the vector as just written (length, holes, stamp); removes the region
   * when the vector is its own baseline. A null {@code tracker} (the vector keeps no change sets) removes a stale
   * region.
   */
  void store(ChangeTracker tracker, long len, long[] holes, long stamp) {
    if (tracker == null || tracker.isBaseline(len, holes, stamp)) {
      if (region != null) {
        region.remove();
        region = null;
      }
      return;
    }
    if (region == null || storedVersion != tracker.version()) {
      if (region == null) {
        region = store.createIfNeeded(regionId());
      }
      region.truncateAndWrite(0, tracker.state().encode(size));
      storedVersion = tracker.version();
    }
  }
}
