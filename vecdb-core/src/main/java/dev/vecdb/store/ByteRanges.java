package dev.vecdb.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of disjoint half-open byte ranges, merged on insertion. Used to journal each durable byte at most once
 * between two flushes. Not thread-safe.
 */
final class ByteRanges {
  private final TreeMap<Long, Long> ranges = new TreeMap<>();

  /**
   * The parts of {@code [from, to)} not yet in the set, in order; the set is unchanged (see {@link #add}).
   *
   * @return the missing ranges as {@code {from, to}} pairs, in order
   */
  List<long[]> missing(long from, long to) {
    List<long[]> missing = new ArrayList<>(1);
    long cursor = from;
    Map.Entry<Long, Long> before = ranges.floorEntry(from);
    if (before != null && before.getValue() > cursor) {
      cursor = before.getValue();
    }
    for (Map.Entry<Long, Long> e : ranges.subMap(from, true, to, false).entrySet()) {
      if (e.getKey() > cursor) {
        missing.add(new long[] {cursor, e.getKey()});
      }
      cursor = Math.max(cursor, e.getValue());
    }
    if (cursor < to) {
      missing.add(new long[] {cursor, to});
    }
    return missing;
  }

  void clear() {
    ranges.clear();
  }

  /** Adds {@code [from, to)} to the set. */
  void add(long from, long to) {
    Map.Entry<Long, Long> before = ranges.floorEntry(from);
    if (before != null && before.getValue() >= from) {
      from = before.getKey();
      to = Math.max(to, before.getValue());
    }
    Map.Entry<Long, Long> next = ranges.ceilingEntry(from);
    while (next != null && next.getKey() <= to) {
      to = Math.max(to, next.getValue());
      ranges.remove(next.getKey());
      next = ranges.ceilingEntry(from);
    }
    ranges.put(from, to);
  }
}
