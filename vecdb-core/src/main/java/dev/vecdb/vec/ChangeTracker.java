package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.internal.Exceptions;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Records, between two stamp points, what is needed to return a vector to its state at the last stamp point (its
 * <em>baseline</em>): the baseline's length, stamp and holes, the baseline value of every index changed since
 * (captured just before its first change), and the baseline values cut off by truncations. A stamp point is a
 * stamped write with changes, a rollback, or the opening of the vector.
 *
 * <p>Capturing before the first change makes the record independent of how the changes reached storage (plain
 * writes in between) and of where the baseline values lived (on disk, or pending after a rollback). The state is
 * as durable as the data: every write stores it ({@link Baseline}) and opening restores it, so a reopen never moves
 * the baseline. Not thread-safe (owned by the vector's writer).
 */
final class ChangeTracker {
  /** Reads the current value bytes at an index, ignoring holes. */
  interface ValueSource {
    void copyValue(long index, MemorySegment dst, long offset);
  }

  private final int size;
  private final ValueSource source;
  private final UpdateMap modified;
  private long baselineStamp;
  private long baselineLen;
  private long[] baselineHoles = new long[0];
  /** Lowest length reached since the baseline; values of [minLen, baselineLen) are in {@link #truncated}. */
  private long minLen;
  private MemorySegment truncated = MemorySegment.NULL;
  /** Changes whenever the recorded state changes (what {@link Baseline} compares to know whether to store it). */
  private long version;

  ChangeTracker(int size, ValueSource source) {
    this.size = size;
    this.source = source;
    this.modified = new UpdateMap(size);
  }

  /** Starts a new baseline: the vector as it is now. */
  void rebase(long stamp, long len, long[] holes) {
    baselineStamp = stamp;
    baselineLen = len;
    minLen = len;
    baselineHoles = holes;
    modified.clear();
    truncated = MemorySegment.NULL;
    version++;
  }

  /**
   * Restores a recorded state ({@link #state()} as stored), checked against the vector's current length {@code len}.
   *
   * @throws CorruptionException naming {@code where} if it cannot be the state of a vector of length {@code len}
   */
  void restore(Delta state, long len, String where) {
    if (state.truncStart() > len) {
      throw Exceptions.corruption("%s: the lowest length since the baseline, %s, is beyond the vector's length %s",
          where, state.truncStart(), len);
    }
    rebase(state.prevStamp(), state.baseLen(), state.holes());
    minLen = state.truncStart();
    truncated = state.truncated();
    long[] indices = state.modifiedIndices();
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= minLen || (i > 0 && indices[i] <= indices[i - 1])) {
        throw Exceptions.corruption("%s: changed index %s is out of order or outside [0, %s)", where, indices[i],
            minLen);
      }
      long offset = modified.put(indices[i]);
      MemorySegment.copy(state.modifiedValues(), (long) i * size, modified.values(), offset, size);
    }
  }

  /** Whether a vector of length {@code len}, holes {@code holes} and stamp {@code stamp} is the baseline itself. */
  boolean isBaseline(long len, long[] holes, long stamp) {
    return modified.isEmpty() && minLen == baselineLen && len == baselineLen && stamp == baselineStamp
        && java.util.Arrays.equals(holes, baselineHoles);
  }

  /** Changes whenever the recorded state changes. */
  long version() {
    return version;
  }

  /** The recorded state, as a change set labelled with the baseline's stamp. */
  Delta state() {
    return delta(baselineStamp);
  }

  /** Before index {@code index} changes (update, delete): captures its baseline value once. */
  void beforeChange(long index) {
    if (index < minLen && modified.offsetOf(index) < 0) {
      long offset = modified.put(index);
      source.copyValue(index, modified.values(), offset);
      version++;
    }
  }

  /** Before the vector is truncated to {@code newLen}: captures the baseline values it cuts off. */
  void beforeTruncate(long newLen) {
    if (newLen >= minLen) {
      return;
    }
    long count = baselineLen - newLen;
    MemorySegment grown = Arena.ofAuto().allocate(count * size, 8);
    long keptFromOld = baselineLen - minLen;
    MemorySegment.copy(truncated, 0, grown, (minLen - newLen) * size, keptFromOld * size);
    for (long i = newLen; i < minLen; i++) {
      long captured = modified.offsetOf(i);
      long dst = (i - newLen) * size;
      if (captured >= 0) {
        MemorySegment.copy(modified.values(), captured, grown, dst, size);
        modified.remove(i);
      } else {
        source.copyValue(i, grown, dst);
      }
    }
    truncated = grown;
    minLen = newLen;
    version++;
  }

  /** The change set that returns from the vector's state after a write stamped {@code stamp} to the baseline. */
  Delta delta(long stamp) {
    long[] indices = modified.sortedKeys();
    MemorySegment values = MemorySegment.ofArray(new byte[indices.length * size]);
    for (int i = 0; i < indices.length; i++) {
      MemorySegment.copy(modified.values(), modified.offsetOf(indices[i]), values, (long) i * size, size);
    }
    return new Delta(stamp, baselineStamp, baselineLen, minLen, truncated.asSlice(0, (baselineLen - minLen) * size),
        indices, values, baselineHoles);
  }
}
