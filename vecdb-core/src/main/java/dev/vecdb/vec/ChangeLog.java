package dev.vecdb.vec;

import dev.vecdb.internal.Exceptions;

import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The stored change sets of one vector: one region per stamp, {@code <vector>@change.<stamp>}, inside the database,
 * so they are committed atomically with the vector and removed with it. Keeps at most {@code keep} of them:
 * saving stamp S first removes every change set with a stamp {@code >= S}, then the oldest ones beyond
 * {@code keep - 1}.
 *
 * <p>A change set consumed by a rollback (and every change set, after a reset) is <em>released</em>: it no longer
 * counts, loads or lists, and its region is removed by the vector's next write — the write that persists the
 * rollback — so that the removal is committed atomically with it. Not thread-safe (used by the vector's writer).
 */
final class ChangeLog {
  static final String PREFIX = "@change.";

  private final RegionStore store;
  private final String vector;
  private final int size;
  /** The stamps whose region exists. */
  private final TreeSet<Long> stored = new TreeSet<>();
  /** Stamps released by a rollback or reset whose region the next write removes. */
  private final TreeSet<Long> released = new TreeSet<>();

  ChangeLog(RegionStore store, String vector, int size) {
    this.store = store;
    this.vector = vector;
    this.size = size;
    String prefix = vector + PREFIX;
    for (String id : store.ids()) {
      if (id.startsWith(prefix)) {
        try {
          stored.add(Long.parseLong(id.substring(prefix.length())));
        } catch (NumberFormatException e) {
          throw Exceptions.corruption(e, "vector '%s': region '%s' is not a change set", vector, id);
        }
      }
    }
  }

  /** The stamps that have a change set (not released), ascending. */
  List<Long> stamps() {
    return stored.stream().filter(s -> !released.contains(s)).toList();
  }

  /** Number of change set regions as they will be after the pending removals: what the vector's header records. */
  int count() {
    return stored.size() - released.size();
  }

  /** The stamps released since the last write (their regions are removed by the next one), ascending. */
  SortedSet<Long> released() {
    return Collections.unmodifiableSortedSet(released);
  }

  /** Releases the change set of {@code stamp} (consumed by a rollback). */
  void release(long stamp) {
    if (stored.contains(stamp)) {
      released.add(stamp);
    }
  }

  /** Releases every change set (a reset). */
  void releaseAll() {
    released.addAll(stored);
  }

  /** Removes the regions of released change sets: called by the write that persists the rollback or reset. */
  void removeReleased() {
    for (long stamp : released) {
      remove(stamp);
    }
    released.clear();
  }

  /** Removes every change set with a stamp {@code >= stamp}. */
  void dropFrom(long stamp) {
    removeReleased();
    for (long s : List.copyOf(stored.tailSet(stamp))) {
      remove(s);
    }
  }

  void save(Delta delta, int keep) {
    dropFrom(delta.stamp());
    while (!stored.isEmpty() && stored.size() >= keep) {
      remove(stored.first());
    }
    Region region = store.createIfNeeded(regionId(delta.stamp()));
    region.truncateAndWrite(0, delta.encode(size));
    stored.add(delta.stamp());
  }

  Optional<Delta> load(long stamp) {
    if (released.contains(stamp)) {
      return Optional.empty();
    }
    return store.find(regionId(stamp)).map(region -> Delta.decode(MemorySegment.ofArray(region.readAll()), size,
        "vector '" + vector + "', change set " + stamp));
  }

  /** The region ids of every stored change set (released ones included until the next write removes them). */
  List<String> regionIds() {
    return stored.stream().map(this::regionId).toList();
  }

  private void remove(long stamp) {
    store.removeIfExists(regionId(stamp));
    stored.remove(stamp);
  }

  private String regionId(long stamp) {
    return vector + PREFIX + stamp;
  }
}
