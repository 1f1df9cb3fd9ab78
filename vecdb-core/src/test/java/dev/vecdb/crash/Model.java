package dev.vecdb.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reference model: a list of values and a hole set per vector, plus, per stamp, the state that its change set
 * returns to — kept with the same retention rule as the database ({@value #KEPT} change sets).
 */
final class Model implements Target {
  static final int KEPT = 5;

  /** One vector's content. */
  record State(List<Long> values, TreeSet<Long> holes) {
    State copy() {
      return new State(new ArrayList<>(values), new TreeSet<>(holes));
    }
  }

  private final State[] current = new State[VECTORS];
  private final Map<Long, State[]> before = new HashMap<>();
  private final Map<Long, Long> previous = new HashMap<>();
  private final TreeSet<Long> changeStamps = new TreeSet<>();
  private State[] baseline;
  private long stamp;
  private State[] durable;
  private long durableStamp;

  Model() {
    for (int v = 0; v < VECTORS; v++) {
      current[v] = new State(new ArrayList<>(), new TreeSet<>());
    }
    baseline = copyAll(current);
    durable = copyAll(current);
  }

  /** The state as of the last completed flush. */
  State[] durable() {
    return copyAll(durable);
  }

  long durableStamp() {
    return durableStamp;
  }

  /** A deep copy, to replay a child run from the same starting point. */
  Model copy() {
    Model m = new Model();
    for (int v = 0; v < VECTORS; v++) {
      m.current[v] = current[v].copy();
    }
    before.forEach((k, s) -> m.before.put(k, copyAll(s)));
    m.previous.putAll(previous);
    m.changeStamps.addAll(changeStamps);
    m.baseline = copyAll(baseline);
    m.stamp = stamp;
    m.durable = copyAll(durable);
    m.durableStamp = durableStamp;
    return m;
  }

  /** Drops unflushed changes, as a crash does. */
  void crash() {
    for (int v = 0; v < VECTORS; v++) {
      current[v] = durable[v].copy();
    }
    baseline = copyAll(durable);
    stamp = durableStamp;
  }

  @Override
  public long len(int vec) {
    return current[vec].values.size();
  }

  @Override
  public boolean isHole(int vec, long index) {
    return current[vec].holes.contains(index);
  }

  @Override
  public void push(int vec, long value) {
    current[vec].values.add(narrow(vec, value));
  }

  @Override
  public void update(int vec, long index, long value) {
    current[vec].values.set((int) index, narrow(vec, value));
    current[vec].holes.remove(index);
  }

  @Override
  public void delete(int vec, long index) {
    if (index < len(vec)) {
      current[vec].holes.add(index);
    }
  }

  @Override
  public void truncate(int vec, long newLen) {
    List<Long> values = current[vec].values;
    while (values.size() > newLen) {
      values.removeLast();
    }
    current[vec].holes.tailSet(newLen).clear();
  }

  @Override
  public long fillFirstHoleOrPush(int vec, long value) {
    if (current[vec].holes.isEmpty()) {
      push(vec, value);
      return len(vec) - 1;
    }
    long hole = current[vec].holes.first();
    update(vec, hole, value);
    return hole;
  }

  @Override
  public void stampedFlush(long newStamp) {
    changeStamps.tailSet(newStamp).clear();
    while (changeStamps.size() > KEPT - 1) {
      changeStamps.pollFirst();
    }
    before.put(newStamp, baseline);
    previous.put(newStamp, stamp);
    changeStamps.add(newStamp);
    before.keySet().retainAll(changeStamps);
    stamp = newStamp;
    baseline = copyAll(current);
    durable = copyAll(current);
    durableStamp = newStamp;
  }

  @Override
  public boolean canRollback() {
    return changeStamps.contains(stamp);
  }

  @Override
  public long rollback() {
    State[] target = before.get(stamp);
    stamp = previous.get(stamp);
    for (int v = 0; v < VECTORS; v++) {
      current[v] = target[v].copy();
    }
    baseline = copyAll(current);
    return stamp;
  }

  @Override
  public long stamp() {
    return stamp;
  }

  /** Narrows to the value type of vector {@code vec}: 0 = i64, 1 = u32, 2 = f64 bits of a small integer. */
  static long narrow(int vec, long value) {
    return switch (vec) {
      case 0 -> value;
      case 1 -> value & 0xFFFF_FFFFL;
      default -> value % 1_000_000;
    };
  }

  private static State[] copyAll(State[] states) {
    State[] out = new State[states.length];
    for (int v = 0; v < states.length; v++) {
      out[v] = states[v].copy();
    }
    return out;
  }
}
