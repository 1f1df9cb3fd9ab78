package dev.vecdb.vec;

import java.util.Arrays;
import java.util.NavigableSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the writer of a concurrency test has made visible to readers, published as a seqlock: the writer makes the
 * epoch odd, changes what readers see (a write or a truncation) and records it here, then makes the epoch even again.
 * A reader that sees the same even epoch before and after its reads read a stable state and must have seen exactly
 * this; otherwise every value it read must still be intact, at its index, from an announced generation.
 */
final class PublishedState {
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLongArray values;
  private final AtomicLong announcedGeneration = new AtomicLong();
  private final AtomicLong announcedMaxLen = new AtomicLong();
  private volatile long len;
  private volatile long[] holes = new long[0];

  PublishedState(int capacity) {
    this.values = new AtomicLongArray(capacity);
  }

  /** Begins a change readers may see; announces the generation and the largest length it can publish. */
  void begin(long generation, long maxLen) {
    announcedGeneration.set(generation);
    announcedMaxLen.accumulateAndGet(maxLen, Math::max);
    epoch.incrementAndGet();
  }

  /** Records what readers see now, then ends the change. */
  void end(long[] current, long newLen, NavigableSet<Long> newHoles) {
    for (int i = 0; i < newLen; i++) {
      values.set(i, current[i]);
    }
    len = newLen;
    holes = newHoles.stream().mapToLong(Long::longValue).toArray();
    epoch.incrementAndGet();
  }

  /** Ends a truncation: readers see fewer values, the same holes. */
  void endTruncation(long newLen) {
    len = newLen;
    epoch.incrementAndGet();
  }

  long epoch() {
    return epoch.get();
  }

  long announcedGeneration() {
    return announcedGeneration.get();
  }

  long announcedMaxLen() {
    return announcedMaxLen.get();
  }

  long len() {
    return len;
  }

  long value(long index) {
    return values.get((int) index);
  }

  boolean isHole(long index) {
    return Arrays.binarySearch(holes, index) >= 0;
  }
}
