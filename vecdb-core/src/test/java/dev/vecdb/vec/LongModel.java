package dev.vecdb.vec;

import dev.vecdb.codec.NumberType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The reference model of one raw vector of longs: a list of values and a hole set, the stored length, the stamp,
 * and snapshots of what was last written (what readers see) and last flushed (what a reopen finds). Every method
 * mirrors a vector operation with the documented semantics, written the simplest way.
 */
final class LongModel {
  /** A state: values, holes, stamp. */
  record Snapshot(List<Long> values, TreeSet<Long> holes, long stamp) {
    Snapshot copy() {
      return new Snapshot(new ArrayList<>(values), new TreeSet<>(holes), stamp);
    }
  }

  private final NumberType type;
  private Snapshot current = new Snapshot(new ArrayList<>(), new TreeSet<>(), 0);
  private Snapshot written = current.copy();
  private Snapshot durable = current.copy();
  private long storedLen;
  private boolean mutated;

  LongModel(NumberType type) {
    this.type = type;
  }

  long len() {
    return current.values.size();
  }

  long storedLen() {
    return storedLen;
  }

  long stamp() {
    return current.stamp;
  }

  long[] holes() {
    return current.holes.stream().mapToLong(Long::longValue).toArray();
  }

  long firstEmptyIndex() {
    return current.holes.isEmpty() ? len() : current.holes.first();
  }

  boolean isHole(long index) {
    return current.holes.contains(index);
  }

  /** What the vector itself shows. */
  LongExpectation expectation() {
    return new LongExpectation(current.values, current.holes, type);
  }

  /** What a reader shows: the written values, cut to the stored length (a truncation shrinks readers at once). */
  LongExpectation readerExpectation() {
    return new LongExpectation(written.values.subList(0, (int) storedLen),
        new TreeSet<>(written.holes.headSet(storedLen)), type);
  }

  void push(long value) {
    current.values.add(value);
    mutated = true;
  }

  void update(long index, long value) {
    current.values.set((int) index, value);
    current.holes.remove(index);
    mutated = true;
  }

  void delete(long index) {
    if (index >= 0 && index < len() && current.holes.add(index)) {
      mutated = true;
    }
  }

  OptionalLong take(long index) {
    OptionalLong value = index >= 0 && index < len() && !isHole(index)
        ? OptionalLong.of(current.values.get((int) index)) : OptionalLong.empty();
    delete(index);
    return value;
  }

  void truncate(long newLen) {
    if (newLen >= len()) {
      return;
    }
    current.values.subList((int) newLen, current.values.size()).clear();
    current.holes.tailSet(newLen, true).clear();
    storedLen = Math.min(storedLen, newLen);
    mutated = true;
  }

  void reset() {
    truncate(0);
    if (!current.holes.isEmpty()) {
      current.holes.clear();
      mutated = true;
    }
    current = new Snapshot(current.values, current.holes, 0);
  }

  long fillFirstHoleOrPush(long value) {
    if (current.holes.isEmpty()) {
      push(value);
      return len() - 1;
    }
    long hole = current.holes.first();
    update(hole, value);
    return hole;
  }

  /**
   * Records a write.
   *
   * @return whether the write must report a change (true), must not (false), or may either way (empty: the model
   *     mutated but ended where it started, as an update to the same value)
   */
  Optional<Boolean> write(long stamp) {
    boolean differs = !current.values.equals(written.values) || !current.holes.equals(written.holes);
    Optional<Boolean> expected = differs ? Optional.of(true)
        : mutated ? Optional.empty() : Optional.of(false);
    current = new Snapshot(current.values, current.holes, stamp);
    written = current.copy();
    storedLen = len();
    mutated = false;
    return expected;
  }

  /** Records a database flush: what was written becomes durable. */
  void flush() {
    durable = written.copy();
  }

  /** Records a close without flushing and a reopen: everything since the last flush is gone. */
  void reopen() {
    current = durable.copy();
    written = durable.copy();
    storedLen = len();
    mutated = false;
  }
}
