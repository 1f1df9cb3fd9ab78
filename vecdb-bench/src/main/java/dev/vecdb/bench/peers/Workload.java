package dev.vecdb.bench.peers;

import dev.vecdb.bench.peers.ProcessCounters.Mark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * The child JVM of one engine: runs every {@link Step} of the original's workload on N sequential {@code u64}s and
 * writes a {@link Measurement}. Every read is checked against the expected sum; a wrong sum is an error, not a
 * number.
 *
 * <p>The JIT is warmed before anything is timed: a throwaway store of N/10 values goes through the write path first,
 * and the reads run untimed rounds on the real dataset, after the first linear read, for {@code warm-up-seconds}
 * (C2 compiles a store's read path in the background: a count of rounds would be too few for the fast engines).
 *
 * <p>Arguments: {@code engine-id n repetitions warm-up-seconds threads work-dir result-file}. Single-threaded except
 * for the all-cores step, whose reader threads share only the store and the read-only indices.
 */
// close() throws Exception because the engines' close methods throw checked exceptions of their own; none
// throws InterruptedException, which is what javac's "try" lint warns about.
@SuppressWarnings("try")
public final class Workload {
  private final Engine engine;
  private final long n;
  private final int repetitions;
  private final int warmUpSeconds;
  private final long[] indices;
  private final long indexSum;
  private final Measurement result;

  private Workload(Engine engine, long n, int repetitions, int warmUpSeconds, int threads) {
    this.engine = engine;
    this.n = n;
    this.repetitions = repetitions;
    this.warmUpSeconds = warmUpSeconds;
    this.indices = RandomIndices.of(n, (int) Math.max(1, n / 100));
    this.indexSum = Arrays.stream(indices).sum();
    this.result = new Measurement(engine);
    result.values = n;
    result.pointReads = indices.length;
    result.threads = threads;
  }

  /** Runs one engine; exits 0 when every step ran and every check passed, 1 otherwise (the error is recorded). */
  public static void main(String[] args) throws Exception {
    Workload workload = new Workload(Engine.byId(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]),
        Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    Path workDir = Path.of(args[5]);
    int status = 0;
    try {
      workload.run(workDir);
    } catch (Throwable e) {
      workload.result.error = describe(e);
      e.printStackTrace();
      status = 1;
    }
    workload.result.write(Path.of(args[6]));
    System.exit(status);
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" / caused by ");
      }
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return text.toString().replace('\n', ' ');
  }

  private void run(Path workDir) throws Exception {
    warmUpWrites(workDir.resolve("warm-up"));
    Path memoryDir = Files.createDirectories(workDir.resolve("memory"));
    try (PeerStore store = engine.opener.open(memoryDir, n, false)) {
      Mark start = Mark.now();
      store.append(n);
      record(Step.WRITE_MEMORY, start);
    }
    DiskUsage.delete(memoryDir);

    Path durableDir = Files.createDirectories(workDir.resolve("durable"));
    try (PeerStore store = engine.opener.open(durableDir, n, true)) {
      Mark start = Mark.now();
      store.append(n);
      store.makeDurable();
      record(Step.WRITE_DURABLE, start);
    }
    result.diskLogical = DiskUsage.logical(durableDir);
    result.diskAllocated = DiskUsage.allocated(durableDir);

    Mark start = Mark.now();
    try (PeerStore store = engine.opener.open(durableDir, n, true)) {
      check("count after reopen", store.count(), n);
      record(Step.OPEN, start);
      readAll(store);
    }
  }

  /** Runs the write path (and a sum) on a throwaway store of N/10 values, so that the timed writes run compiled. */
  private void warmUpWrites(Path dir) throws Exception {
    long values = Math.max(1_000, n / 10);
    Files.createDirectories(dir);
    try (PeerStore store = engine.opener.open(dir, values, false)) {
      store.append(values);
      store.makeDurable();
      check("warm-up sum", store.sum(), values * (values - 1) / 2);
    }
    DiskUsage.delete(dir);
  }

  private void readAll(PeerStore store) throws Exception {
    long expected = n * (n - 1) / 2;
    Mark start = Mark.now();
    check("linear sum", store.sum(), expected);
    record(Step.FIRST_LINEAR, start);

    try (PointReader reader = store.pointReader()) {
      long until = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
      while (System.nanoTime() < until) {
        check("linear sum", store.sum(), expected);
        check("random-read sum", reader.sumAt(indices, 0, indices.length), indexSum);
        readOnAllCores(store);
      }
    }
    long[] linear = new long[repetitions];
    long[] random = new long[repetitions];
    long[] allCores = new long[repetitions];
    start = Mark.now();
    for (int r = 0; r < repetitions; r++) {
      long t = System.nanoTime();
      check("linear sum", store.sum(), expected);
      linear[r] = System.nanoTime() - t;
    }
    recordRepeated(Step.LINEAR, start, linear);
    start = Mark.now();
    try (PointReader reader = store.pointReader()) {
      for (int r = 0; r < repetitions; r++) {
        long t = System.nanoTime();
        check("random-read sum", reader.sumAt(indices, 0, indices.length), indexSum);
        random[r] = System.nanoTime() - t;
      }
    }
    recordRepeated(Step.RANDOM, start, random);
    start = Mark.now();
    for (int r = 0; r < repetitions; r++) {
      allCores[r] = readOnAllCores(store);
    }
    recordRepeated(Step.RANDOM_ALL_CORES, start, allCores);
  }

  /**
   * Every thread reads all indices, starting at its own offset, with its own reader opened before the start; returns
   * the wall time from the barrier's release (taken by its action, before any thread runs on) to the last join.
   */
  private long readOnAllCores(PeerStore store) throws Exception {
    int threads = result.threads;
    long[] start = new long[1];
    CyclicBarrier ready = new CyclicBarrier(threads + 1, () -> start[0] = System.nanoTime());
    Thread[] workers = new Thread[threads];
    Throwable[] failures = new Throwable[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      int offset = (int) ((long) indices.length * t / threads);
      workers[t] = Thread.ofPlatform().name("reader-" + t).start(() -> {
        try (PointReader reader = store.pointReader()) {
          ready.await();
          long sum = reader.sumAt(indices, offset, indices.length) + reader.sumAt(indices, 0, offset);
          check("random-read sum on thread " + id, sum, indexSum);
        } catch (Throwable e) {
          failures[id] = e;
          ready.reset();
        }
      });
    }
    try {
      ready.await();
    } catch (BrokenBarrierException e) {
      // A reader failed before the start: reported below, once every worker has ended.
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long elapsed = System.nanoTime() - start[0];
    for (Throwable failure : failures) {
      if (failure != null) {
        throw new IllegalStateException(engine.id() + ": a reader thread failed", failure);
      }
    }
    return elapsed;
  }

  private void record(Step step, Mark start) {
    result.nanos.put(step, start.elapsedNanos());
    result.faults.put(step, start.faultsSince());
    result.load.put(step, start.load());
  }

  /** A repeated step: the median time, the faults per repetition (mean), the load when the first began. */
  private void recordRepeated(Step step, Mark start, long[] samples) {
    result.nanos.put(step, median(samples));
    result.faults.put(step, start.faultsSince() / samples.length);
    result.load.put(step, start.load());
  }

  private void check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(engine.id() + ": " + what + " is " + actual + ", expected " + expected);
    }
  }

  /** The median; the lower middle one for an even count. */
  private static long median(long[] samples) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }
}
