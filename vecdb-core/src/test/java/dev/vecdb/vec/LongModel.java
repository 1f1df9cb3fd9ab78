package dev.vecdb.vec;

import dev.vecdb.codec.NumberType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference model of one vector of longs: a list of values and a hole set, the stored length, the stamp,
 * the stamped change sets and the change baseline, and copies of what was last written (what readers see) and last
 * flushed (what a reopen finds). A change set is modelled as the state its rollback returns to and the lowest length
 * reached before it was written. Every method mirrors a vector operation with the documented semantics, written the
 * simplest way.
 */
final class LongModel {
  /** A state: values, holes, stamp. */
  record Snapshot(List<Long> values, TreeSet<Long> holes, long stamp) {
    Snapshot copy() {
      return new Snapshot(new ArrayList<>(values), new TreeSet<>(holes), stamp);
    }
  }

  /** A change set: the state a rollback returns to, and the lowest length reached before it was written. */
  record ChangeSet(Snapshot target, long minLen) {}

  /**
   * What rollbacks see: the change sets by stamp, the baseline (the state at the last stamp point) and the lowest
   * length reached since it.
   */
  record Changes(TreeMap<Long, ChangeSet> sets, Snapshot baseline, long minLen) {
    Changes copy() {
      return new Changes(new TreeMap<>(sets), baseline.copy(), minLen);
    }
  }

  private final NumberType type;
  private final int kept;
  private Snapshot current = new Snapshot(new ArrayList<>(), new TreeSet<>(), 0);
  private Snapshot written = current.copy();
  private Snapshot durable = current.copy();
  private Changes changes = new Changes(new TreeMap<>(), current.copy(), 0);
  private Changes writtenChanges = changes.copy();
  private Changes durableChanges = changes.copy();
  private long storedLen;
  private boolean mutated;

  /**
   * @param kept the number of change sets kept ({@code savedStampedChanges})
   */
  LongModel(NumberType type, int kept) {
    this.type = type;
    this.kept = kept;
  }

  /** The stamps that have a change set. */
  List<Long> changeStamps() {
    return List.copyOf(changes.sets.keySet());
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
    changes = new Changes(changes.sets, changes.baseline, Math.min(changes.minLen, newLen));
    mutated = true;
  }

  void reset() {
    truncate(0);
    if (!current.holes.isEmpty()) {
      current.holes.clear();
      mutated = true;
    }
    current = new Snapshot(current.values, current.holes, 0);
    changes = new Changes(new TreeMap<>(), current.copy(), 0);
  }

  /**
   * Records a stamped write with changes: saves the change set (or, when the baseline has this stamp already, keeps
   * the one that leads on from it), then writes.
   */
  Optional<Boolean> stampedWriteWithChanges(long stamp) {
    TreeMap<Long, ChangeSet> sets = changes.sets;
    ChangeSet saved;
    if (changes.baseline.stamp == stamp) {
      ChangeSet earlier = sets.get(stamp);
      saved = earlier == null ? null : new ChangeSet(earlier.target, Math.min(changes.minLen, earlier.minLen));
    } else {
      saved = new ChangeSet(changes.baseline.copy(), changes.minLen);
    }
    sets.tailMap(stamp, true).clear();
    if (saved != null) {
      while (!sets.isEmpty() && sets.size() >= kept) {
        sets.pollFirstEntry();
      }
      sets.put(stamp, saved);
    }
    Optional<Boolean> expected = write(stamp);
    changes = new Changes(sets, current.copy(), len());
    writtenChanges = changes.copy();
    return expected;
  }

  /**
   * Records a rollback: back to the baseline, then, if a change set of the baseline's stamp exists, to its target.
   *
   * @return the stamp reached, or empty when no change set exists (the rollback fails and changes nothing)
   */
  OptionalLong rollback() {
    Snapshot baseline = changes.baseline;
    ChangeSet set = changes.sets.remove(baseline.stamp);
    if (set == null) {
      return OptionalLong.empty();
    }
    storedLen = Math.min(storedLen, changes.minLen);
    current = baseline.copy();
    mutated = true;
    storedLen = Math.min(storedLen, set.minLen);
    current = set.target.copy();
    changes = new Changes(changes.sets, current.copy(), len());
    return OptionalLong.of(current.stamp);
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
    writtenChanges = changes.copy();
    storedLen = len();
    mutated = false;
    return expected;
  }

  /** Records a database flush: what was written becomes durable. */
  void flush() {
    durable = written.copy();
    durableChanges = writtenChanges.copy();
  }

  /** Records a close without flushing and a reopen: everything since the last flush is gone. */
  void reopen() {
    current = durable.copy();
    written = durable.copy();
    changes = durableChanges.copy();
    writtenChanges = durableChanges.copy();
    storedLen = len();
    mutated = false;
  }
}
