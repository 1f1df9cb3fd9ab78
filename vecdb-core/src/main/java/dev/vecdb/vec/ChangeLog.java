package dev.vecdb.vec;

import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored change sets of one vector: one region per stamp, {@code <vector>@change.<stamp>}, inside the database,
 * so they are committed atomically with the vector and removed with it. Keeps at most {@code keep} of them:
 * saving stamp S first removes every change set with a stamp {@code >= S}, then the oldest ones beyond
 * {@code keep - 1}. Not thread-safe (used by the vector's writer).
 */
final class ChangeLog {
  static final String PREFIX = "@change.";

  private final RegionStore store;
  private final String vector;
  private final int size;

  ChangeLog(RegionStore store, String vector, int size) {
    this.store = store;
    this.vector = vector;
    this.size = size;
  }

  /** The stamps that have a change set, ascending. */
  List<Long> stamps() {
    String prefix = vector + PREFIX;
    List<Long> stamps = new ArrayList<>();
    for (String id : store.ids()) {
      if (id.startsWith(prefix)) {
        stamps.add(Long.parseLong(id.substring(prefix.length())));
      }
    }
    stamps.sort(null);
    return stamps;
  }

  /** Removes every change set with a stamp {@code >= stamp}. */
  void dropFrom(long stamp) {
    for (long s : stamps()) {
      if (s >= stamp) {
        store.remove(regionId(s));
      }
    }
  }

  void save(Delta delta, int keep) {
    List<Long> stamps = stamps();
    int kept = 0;
    for (int i = stamps.size() - 1; i >= 0; i--) {
      long stamp = stamps.get(i);
      if (stamp >= delta.stamp() || ++kept >= keep) {
        store.remove(regionId(stamp));
      }
    }
    Region region = store.createIfNeeded(regionId(delta.stamp()));
    region.truncateAndWrite(0, delta.encode(size));
  }

  Optional<Delta> load(long stamp) {
    return store.find(regionId(stamp)).map(region -> Delta.decode(MemorySegment.ofArray(region.readAll()), size,
        "vector '" + vector + "', change set " + stamp));
  }

  /** The region ids of every stored change set. */
  List<String> regionIds() {
    return stamps().stream().map(this::regionId).toList();
  }

  void clear() {
    for (long stamp : stamps()) {
      store.remove(regionId(stamp));
    }
  }

  private String regionId(long stamp) {
    return vector + PREFIX + stamp;
  }
}
