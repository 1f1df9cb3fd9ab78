package dev.vecdb.vec;

import dev.vecdb.NotFoundException;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The writer of one vector in a {@link ReaderSoak}: rounds of pushes, updates (some at the start, which rewrites
 * every page of a paged vector), deletes, truncations into the last pages, rollbacks, then a write, a stamped write
 * with changes or a flush. Every value is {@link Tagged} with its index and the round that wrote it; every call that
 * may publish is announced to and recorded in the {@link SoakModel}.
 */
final class SoakWriter {
  /** Length above which the writer truncates hard, to keep rounds and checks cheap. */
  private static final long MAX_LEN = 12_000;

  private final LongVec vec;
  private final SoakModel model;
  private final SplittableRandom random;
  private final int perPage;
  private volatile long round;
  private long stamp;
  private volatile long publishing;
  private volatile long publishingCpu;

  SoakWriter(LongVec vec, SoakModel model, long seed) {
    this.vec = vec;
    this.model = model;
    this.random = new SplittableRandom(seed);
    this.perPage = Paging.PAGE_BYTES / 8;
  }

  /** The state of a freshly filled vector (generation 0). */
  static SoakModel.State fill(LongVec vec, long len) {
    for (long i = 0; i < len; i++) {
      vec.push(Tagged.of(i, 0));
    }
    vec.write();
    return snapshot(vec, 0);
  }

  long rounds() {
    return round;
  }

  /** Start time of the call in progress (0 when between calls), for the watchdog. */
  long publishingSince() {
    return publishing;
  }

  /** The writer thread's CPU time when the call in progress began, for the watchdog. */
  long publishingCpuSince() {
    return publishingCpu;
  }

  void run(BooleanSupplier stop) {
    while (!stop.getAsBoolean()) {
      round++;
      mutate();
      finish();
    }
  }

  private void mutate() {
    long len = vec.len();
    if (len > MAX_LEN) {
      truncate(random.nextLong(2_000, 6_000));
    } else if (random.nextInt(5) == 0 && len > 0) {
      truncate(random.nextLong(Math.max(0, len - 3L * perPage), len));
    }
    int pushes = random.nextInt(0, 500);
    for (int k = 0; k < pushes; k++) {
      vec.push(Tagged.of(vec.len(), round));
    }
    long stored = vec.storedLen();
    for (int k = random.nextInt(4); k > 0 && stored > 0; k--) {
      long i = random.nextInt(8) == 0 ? random.nextLong(Math.min(stored, 50)) : random.nextLong(stored);
      vec.update(i, Tagged.of(i, round));
    }
    if (random.nextInt(4) == 0 && stored > 0) {
      vec.delete(random.nextLong(stored));
    }
    if (random.nextInt(25) == 0) {
      publish(() -> {
        try {
          vec.rollback();
        } catch (NotFoundException noChangeSet) {
          // nothing to roll back to: the vector is unchanged
        }
      }, false);
    }
  }

  private void finish() {
    int choice = random.nextInt(20);
    if (choice == 0) {
      publish(vec::flush, true);
    } else if (choice < 6) {
      publish(() -> vec.stampedWriteWithChanges(++stamp), true);
    } else {
      publish(vec::write, true);
    }
  }

  private void truncate(long newLen) {
    publish(() -> vec.truncate(newLen), false);
  }

  /** Announces, makes the call, records what readers see: all written values after a write, else a truncation. */
  private void publish(Runnable call, boolean writes) {
    long gen = model.announce();
    publishingCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    publishing = System.nanoTime();
    call.run();
    publishing = 0;
    model.record(writes ? snapshot(vec, gen) : model.latest().truncatedTo(gen, vec.storedLen()));
  }

  /** The written state of {@code vec} (nothing pending: right after a write). */
  private static SoakModel.State snapshot(LongVec vec, long gen) {
    long len = vec.len();
    long[] values = new long[(int) len];
    vec.forEach(0, len, (i, v) -> values[(int) i] = v);
    return new SoakModel.State(gen, len, values, vec.holes());
  }
}
