package dev.vecdb.vec;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The history of what one vector's writer published during a {@link ReaderSoak}, so that a reader can check that an
 * operation read exactly one published state. The writer {@link #announce announces} every call that may publish
 * (a write, a flush, a truncation, a rollback) before it makes it, and {@link #record records} the state readers see
 * after it. A reader's operation that began after {@link #current()} returned {@code g1} and ended before
 * {@link #announced()} returned {@code g2} read one of the states {@code g1..g2}: {@link #candidates} waits for them.
 * States no operation in progress can need are dropped: each reader slot holds a floor while it reads.
 */
final class SoakModel {
  /** One published state: length, values (0 at holes) and sorted holes. */
  record State(long gen, long len, long[] values, long[] holes) {
    boolean isHole(long index) {
      return Arrays.binarySearch(holes, index) >= 0;
    }

    State truncatedTo(long gen, long newLen) {
      return new State(gen, Math.min(len, newLen), values, holes);
    }
  }

  private final ConcurrentHashMap<Long, State> states = new ConcurrentHashMap<>();
  private final AtomicLongArray floors;
  private volatile long announced;
  private volatile long current;

  SoakModel(State initial, int readerSlots) {
    states.put(initial.gen(), initial);
    current = initial.gen();
    announced = initial.gen();
    floors = new AtomicLongArray(readerSlots);
    for (int i = 0; i < readerSlots; i++) {
      floors.set(i, Long.MAX_VALUE);
    }
  }

  /** Writer: a call that may publish is about to be made; returns its generation. */
  long announce() {
    announced = current + 1;
    return announced;
  }

  /** Writer: the state readers see after the announced call. */
  void record(State state) {
    states.put(state.gen(), state);
    current = state.gen();
    if (state.gen() % 32 == 0) {
      long floor = state.gen();
      for (int i = 0; i < floors.length(); i++) {
        floor = Math.min(floor, floors.get(i));
      }
      long keepFrom = floor;
      states.keySet().removeIf(g -> g < keepFrom);
    }
  }

  State latest() {
    return states.get(current);
  }

  /** Reader {@code slot} begins an operation: returns the oldest generation it may read. */
  long begin(int slot) {
    floors.set(slot, current);
    return current;
  }

  /** Reader {@code slot} ended its operation. */
  void end(int slot) {
    floors.set(slot, Long.MAX_VALUE);
  }

  long announced() {
    return announced;
  }

  /**
   * The states {@code from..to}, waiting (until {@code deadlineNanos}, parked: spinning readers would starve the
   * writer) for the writer to record the last ones.
   */
  State[] candidates(long from, long to, long deadlineNanos) {
    State[] out = new State[(int) (to - from + 1)];
    for (long g = from; g <= to; g++) {
      State s;
      while ((s = states.get(g)) == null) {
        if (System.nanoTime() > deadlineNanos) {
          throw new IllegalStateException("state " + g + " was announced but never recorded");
        }
        LockSupport.parkNanos(50_000);
      }
      out[(int) (g - from)] = s;
    }
    return out;
  }
}
