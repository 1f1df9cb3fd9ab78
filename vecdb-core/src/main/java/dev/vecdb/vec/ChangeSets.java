package dev.vecdb.vec;

import dev.vecdb.NotFoundException;
import dev.vecdb.internal.Exceptions;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What undoes a vector's stamped writes: the change sets stored per stamp ({@link ChangeLog}), the tracker of the
 * changes since the last stamp point ({@link ChangeTracker}) and its durable copy ({@link Baseline}). A collaborator
 * of one {@link StoredVec}: it decides which change sets a write stores and which a rollback applies, in what order;
 * the vector applies them to its state ({@code StoredVec.apply}). With no change sets kept
 * ({@code savedStampedChanges == 0}) it tracks nothing and every rollback fails with {@link NotFoundException}.
 *
 * <p>Threads: the vector's writer only.
 */
final class ChangeSets {
  private final String vector;
  private final int size;
  /** How many change sets to keep; a follower's applier sets the leader's with each write it replays. */
  private int kept;
  private final ChangeLog log;
  /** The durable copy of {@link #tracker}. */
  private final Baseline baseline;
  /**
   * Records what undoes the changes since the last stamp point; null when no change sets are kept. A follower's
   * applier replaces it to follow the leader's (see {@link #follow}).
   */
  private ChangeTracker tracker;
  private final ChangeTracker.ValueSource values;
  /** The {@link ChangeTracker#version()} as of the last write recorded in the commit log (-1 without a tracker). */
  private long recordedVersion;

  /**
   * @param kept how many change sets to keep ({@code savedStampedChanges}); 0 tracks nothing
   * @param values reads the current bytes of a value, for the tracker to save before a change
   */
  ChangeSets(RegionStore store, String vector, int size, int kept, ChangeTracker.ValueSource values) {
    this.vector = vector;
    this.size = size;
    this.kept = kept;
    this.log = new ChangeLog(store, vector, size);
    this.baseline = new Baseline(store, vector, size);
    this.values = values;
    this.tracker = kept == 0 ? null : new ChangeTracker(size, values);
  }

  /** Whether change sets are kept. */
  boolean enabled() {
    return tracker != null;
  }

  /** At open: restores the tracker from the stored baseline, or starts it at the vector's written state. */
  void open(long stamp, long len, long[] holes) {
    startTracker(stamp, len, holes);
    recorded();
  }

  /**
   * A follower's applier makes the vector's change tracking its leader's, whatever the options its instance was
   * opened with: {@code leaderKept} change sets kept, and a tracker exactly when the leader has one (a new one starts
   * from what the database records: the baseline, or the written state {@code stamp, len, holes}).
   */
  void follow(boolean tracks, int leaderKept, long stamp, long len, long[] holes) {
    if (!tracks) {
      tracker = null;
      kept = 0;
      return;
    }
    kept = leaderKept;
    if (tracker == null) {
      tracker = new ChangeTracker(size, values);
      startTracker(stamp, len, holes);
    }
  }

  /** Restores the tracker from the stored baseline, or starts it at the written state. */
  private void startTracker(long stamp, long len, long[] holes) {
    if (tracker != null && !baseline.restoreInto(tracker, len)) {
      tracker.rebase(stamp, len, holes);
    }
  }

  /** How many change sets are kept (0 without a tracker). */
  int kept() {
    return kept;
  }

  /** Whether the tracker changed since the last recorded write (a commit log's write record then carries it). */
  boolean trackerChanged() {
    return tracker != null && tracker.version() != recordedVersion;
  }

  /** The tracker's state, encoded for a write record (see {@link #trackerChanged}). */
  MemorySegment trackerState() {
    return tracker.state().encode(size);
  }

  /** A follower: the tracker takes the leader's state {@code state} of a vector of length {@code len}. */
  void restoreTracker(Delta state, long len, String what) {
    tracker.restore(state, len, what);
  }

  /** A write was recorded in the commit log with the tracker as it is now. */
  void recorded() {
    recordedVersion = tracker == null ? -1 : tracker.version();
  }

  /** The stamps whose change sets rollbacks released since the last write, ascending. */
  SortedSet<Long> released() {
    return log.released();
  }

  /** Before {@code index} is updated or deleted. */
  void beforeChange(long index) {
    if (tracker != null) {
      tracker.beforeChange(index);
    }
  }

  /** Before the vector is truncated to {@code newLen}. */
  void beforeTruncate(long newLen) {
    if (tracker != null) {
      tracker.beforeTruncate(newLen);
    }
  }

  /** Makes the given state the new stamp point: the changes tracked so far are forgotten. */
  void rebase(long stamp, long len, long[] holes) {
    if (tracker != null) {
      tracker.rebase(stamp, len, holes);
    }
  }

  /**
   * The first step of a stamped write with changes: stores the change set that undoes it (composed with the one
   * already stored for {@code stamp}, if any), or drops the change sets from {@code stamp} on when the write undoes
   * nothing; the oldest beyond the number kept go.
   */
  void saveFor(long stamp) {
    Delta delta = tracker.delta(stamp);
    if (delta.prevStamp() == stamp) {
      Optional<Delta> earlier = log.load(stamp);
      delta = earlier.map(e -> Delta.compose(tracker.delta(stamp), e, size)).orElse(null);
    }
    if (delta != null) {
      log.save(delta, kept);
    } else {
      log.dropFrom(stamp);
    }
  }

  /**
   * The delta that undoes every change since the last stamp point (stamped write with changes, rollback or open),
   * written or not, from what the tracker captured. A rollback loads every change set it needs before it applies
   * this or any of them, so that one that fails (a missing change set) changes nothing.
   *
   * @throws NotFoundException if no change sets are kept
   */
  Delta toBaseline(long stamp) {
    if (tracker == null) {
      throw Exceptions.notFound("vector '%s': cannot roll back, it keeps no change sets (open it with"
          + " savedStampedChanges > 0)", vector);
    }
    return tracker.delta(stamp);
  }

  /**
   * The stored change set of stamp {@code current}, for a rollback to {@code target}.
   *
   * @throws NotFoundException if none is stored
   */
  Delta require(long current, long target) {
    return log.load(current).orElseThrow(() -> Exceptions.notFound("vector '%s': cannot roll back %s: no change"
        + " set is stored for stamp %s (stored: %s)", vector,
        (target == current ? "stamp " + current : "before stamp " + target), current, log.stamps()));
  }

  /**
   * The stored change sets that lead from stamp {@code from} to the newest stamp below {@code stamp}, newest first,
   * all loaded before any is applied.
   *
   * @throws NotFoundException if one is missing
   * @throws dev.vecdb.CorruptionException if one does not lead to an earlier stamp
   */
  List<Delta> chainBefore(long from, long stamp) {
    List<Delta> chain = new ArrayList<>();
    for (long current = from; current >= stamp; ) {
      Delta delta = require(current, stamp);
      if (delta.prevStamp() >= current) {
        throw Exceptions.corruption("vector '%s': change set %s leads to stamp %s, not to an earlier one", vector,
            current, delta.prevStamp());
      }
      chain.add(delta);
      current = delta.prevStamp();
    }
    return chain;
  }

  /** Marks the change set of {@code stamp} consumed by a rollback: the next write removes it. */
  void release(long stamp) {
    log.release(stamp);
  }

  /** Marks every change set consumed (a reset): the next write removes them. */
  void releaseAll() {
    log.releaseAll();
  }

  /** The first step of every write: removes the change sets rollbacks consumed. */
  void removeReleased() {
    log.removeReleased();
  }

  /** The last step of every write: stores the tracker's baseline of the written state. */
  void storeBaseline(long len, long[] holes, long stamp) {
    baseline.store(tracker, len, holes, stamp);
  }

  /** The stamps for which a change set is stored, ascending. */
  List<Long> stamps() {
    return log.stamps();
  }

  /** How many change sets are stored. */
  int count() {
    return log.count();
  }

  /** Whether the baseline region exists. */
  boolean hasBaseline() {
    return baseline.exists();
  }

  /** The ids of the regions holding the baseline and the change sets. */
  List<String> regionIds() {
    List<String> ids = new ArrayList<>();
    if (baseline.exists()) {
      ids.add(baseline.regionId());
    }
    ids.addAll(log.regionIds());
    return ids;
  }

  /**
   * What the stored change sets and baseline contradict in {@code header} (which records how many change sets and
   * whether a baseline exist), or null when they agree.
   */
  String inconsistencyWith(Header header) {
    if (header.changeSets != log.count()) {
      return "its header records " + header.changeSets + " change sets, the database holds " + log.count()
          + " (stamps " + log.stamps() + ")";
    }
    if (header.hasBaseline != baseline.exists()) {
      return header.hasBaseline ? "its change baseline region '" + baseline.regionId() + "' is missing"
          : "a change baseline region '" + baseline.regionId() + "' exists that its header does not record";
    }
    return null;
  }
}
