package dev.vecdb.crash;

import java.util.SplittableRandom;

/**
 * The seeded random workload of the crash harness: pushes, updates, deletes, truncations, hole fills, stamped
 * flushes with change sets and rollbacks over every vector. Deterministic: the same seed on the same starting state
 * performs the same operations, on the real database and on the model alike.
 */
final class Workload {
  /** Told when a stamped flush starts and ends. */
  interface FlushListener {
    void flushing(long stamp);

    void flushed(long stamp);
  }

  private final SplittableRandom random;

  Workload(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Performs operations until {@code flushes} stamped flushes have completed (or forever when negative).
   *
   * @return the number of operations performed, flushes included
   */
  long run(Target target, long flushes, FlushListener listener) {
    long done = 0;
    long operations = 0;
    while (flushes < 0 || done < flushes) {
      operations++;
      if (step(target, listener)) {
        done++;
      }
    }
    return operations;
  }

  /** One operation; returns whether it was a stamped flush. */
  boolean step(Target target, FlushListener listener) {
    int vec = random.nextInt(Target.VECTORS);
    long len = target.len(vec);
    int op = random.nextInt(100);
    if (op < 40 || len == 0) {
      int n = 1 + random.nextInt(50);
      for (int i = 0; i < n; i++) {
        target.push(vec, random.nextLong());
      }
    } else if (op < 55) {
      target.update(vec, random.nextLong(len), random.nextLong());
    } else if (op < 63) {
      target.delete(vec, random.nextLong(len));
    } else if (op < 68) {
      target.truncate(vec, Math.max(0, len - 1 - random.nextInt(20)));
    } else if (op < 73) {
      target.fillFirstHoleOrPush(vec, random.nextLong());
    } else if (op < 80 && target.canRollback()) {
      target.rollback();
    } else if (op < 92) {
      long stamp = target.stamp() + 1;
      listener.flushing(stamp);
      target.stampedFlush(stamp);
      listener.flushed(stamp);
      return true;
    }
    return false;
  }
}
