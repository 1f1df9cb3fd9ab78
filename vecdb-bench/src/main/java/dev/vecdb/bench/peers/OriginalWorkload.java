package dev.vecdb.bench.peers;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.bench.MappedLongs;
import dev.vecdb.bench.peers.ProcessCounters.Mark;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.io.Writer;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * The child JVM of the {@code original} runner: the Rust original's own workload ({@code rust-baseline.md}) on one
 * format, step for step. N sequential {@code u64} (value = index) in a vector {@code bench}, each value pushed one by
 * one; every {@link OriginalStep} is timed alone, with the minor page faults it caused and the load when it started;
 * every sum and length is checked (a wrong one fails the run). Before the timed run, the whole workload runs
 * {@code warm-up-runs} times at N/10 in the same process, so that the timed steps run compiled code.
 *
 * <p>Arguments: {@code format n warm-up-runs work-dir result-file}. Single-threaded.
 */
public final class OriginalWorkload {
  /** Random reads per repetition, as in the original. */
  static final int READS = 100_000;
  /** Repetitions of the warm fold and of the reads (median reported). */
  static final int REPETITIONS = 5;
  /** Open + close cycles of the JIT-compiled reopen, and how many of the last ones are timed (median reported). */
  static final int WARM_REOPENS = 2_000;
  static final int WARM_REOPENS_TIMED = 500;

  private final Format format;
  private final long n;
  private final long[] indices;
  private final long[] sorted;
  private final long indexSum;
  private final Properties result = new Properties();
  private boolean recording;

  private OriginalWorkload(Format format, long n) {
    this.format = format;
    this.n = n;
    this.indices = RandomIndices.of(n, (int) Math.min(READS, n));
    this.sorted = indices.clone();
    Arrays.sort(sorted);
    this.indexSum = Arrays.stream(indices).sum();
  }

  /** Runs the warm-up and the timed run; exits 0 when every step ran and every check passed, 1 otherwise. */
  public static void main(String[] args) throws Exception {
    Format format = Format.valueOf(args[0].toUpperCase(Locale.ROOT).replace('-', '_'));
    long n = Long.parseLong(args[1]);
    int warmUpRuns = Integer.parseInt(args[2]);
    Path workDir = Path.of(args[3]);
    OriginalWorkload timed = new OriginalWorkload(format, n);
    int status = 0;
    try {
      OriginalWorkload warmUp = new OriginalWorkload(format, Math.max(1_000, n / 10));
      for (int i = 0; i < warmUpRuns; i++) {
        Path dir = Files.createDirectories(workDir.resolve("warm-up-" + i));
        warmUp.run(dir);
        DiskUsage.delete(dir);
      }
      timed.recording = true;
      timed.run(Files.createDirectories(workDir.resolve("timed")));
    } catch (Throwable e) {
      timed.result.setProperty("error", e.toString().replace('\n', ' '));
      e.printStackTrace();
      status = 1;
    }
    try (Writer out = Files.newBufferedWriter(Path.of(args[4]))) {
      timed.result.store(out, "vecdb-bench original workload, format " + format + ", N = " + n);
    }
    System.exit(status);
  }

  private void run(Path dir) throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    VecOptions options = VecOptions.of(format);

    Mark step = Mark.now();
    Database db = Database.open(first);
    LongVec vec = db.longVec("bench", NumberType.U64, options);
    end(OriginalStep.OPEN_IMPORT, step);
    timed(OriginalStep.PUSH, () -> push(vec));
    timed(OriginalStep.WRITE, vec::write);
    timed(OriginalStep.VEC_FLUSH, vec::flush);
    timed(OriginalStep.DB_FLUSH, db::flush);

    try (Database db2 = Database.open(second)) {
      LongVec vec2 = db2.longVec("bench", NumberType.U64, options);
      timed(OriginalStep.PUSH_AGAIN, () -> push(vec2));
      timed(OriginalStep.PUSH_THEN_FLUSH, vec2::flush);
      timed(OriginalStep.DB_FLUSH_AGAIN, db2::flush);
    }
    db.close();

    step = Mark.now();
    try (Database reopened = Database.open(first)) {
      LongVec stored = reopened.longVec("bench", NumberType.U64, options);
      check("len after reopen", stored.len(), n);
      end(OriginalStep.REOPEN, step);
      readAll(stored);
      result.setProperty("payload.bytes", Long.toString(stored.storedBytes()));
    }
    result.setProperty("disk.logical", Long.toString(DiskUsage.logical(first)));
    result.setProperty("disk.allocated", Long.toString(DiskUsage.allocated(first)));
    if (recording) {
      reopenWarm(first, options);
    }
  }

  /**
   * The reopen once the JIT has compiled the open path: {@link #WARM_REOPENS} cycles of open + import + len + close,
   * the median of the last {@link #WARM_REOPENS_TIMED} (the step (e) above is the 27th open of the process, mostly
   * interpreted). Only in the timed run: the warm-up runs would only add cycles.
   */
  private void reopenWarm(Path dir, VecOptions options) {
    long[] nanos = new long[WARM_REOPENS_TIMED];
    long faults = 0;
    double load = 0;
    for (int i = 0; i < WARM_REOPENS; i++) {
      Mark step = Mark.now();
      try (Database reopened = Database.open(dir)) {
        check("len after reopen", reopened.longVec("bench", NumberType.U64, options).len(), n);
        int timed = i - (WARM_REOPENS - WARM_REOPENS_TIMED);
        if (timed >= 0) {
          nanos[timed] = step.elapsedNanos();
          faults += step.faultsSince();
          load = timed == 0 ? step.load() : load;
        }
      }
    }
    Arrays.sort(nanos);
    record(OriginalStep.REOPEN_WARM, nanos[WARM_REOPENS_TIMED / 2], faults / WARM_REOPENS_TIMED, load);
  }

  private void readAll(LongVec vec) {
    long expected = n * (n - 1) / 2;
    Mark step = Mark.now();
    check("first fold", vec.fold(0, vec.len(), 0L, Long::sum), expected);
    end(OriginalStep.FIRST_FOLD, step);

    Repeated fold = new Repeated();
    Repeated random = new Repeated();
    Repeated sortedReads = new Repeated();
    for (int r = 0; r < REPETITIONS; r++) {
      step = Mark.now();
      check("warm fold", vec.fold(0, vec.len(), 0L, Long::sum), expected);
      fold.add(r, step);
    }
    for (int r = 0; r < REPETITIONS; r++) {
      step = Mark.now();
      long sum = 0;
      try (LongReader reader = vec.reader()) {
        for (long index : indices) {
          sum += reader.get(index);
        }
      }
      random.add(r, step);
      check("random-read sum", sum, indexSum);
    }
    for (int r = 0; r < REPETITIONS; r++) {
      step = Mark.now();
      long sum = 0;
      try (LongReader reader = vec.reader()) {
        for (long value : reader.getAll(sorted)) {
          sum += value;
        }
      }
      sortedReads.add(r, step);
      check("sorted-read sum", sum, indexSum);
    }
    fold.record(OriginalStep.WARM_FOLD);
    random.record(OriginalStep.RANDOM);
    sortedReads.record(OriginalStep.SORTED);
    if (format.isRaw()) {
      readLimit(vec);
    }
  }

  /**
   * The physical limit of the warm scan and the random reads in this process, now: the same sum and the same
   * indices as a hand-written loop over the vector's own mapping ({@link LongVec#storedValues()}, in the format's
   * byte order, little-endian on x86), as the original's baseline measures its hand-written mmap loop. It takes the
   * machine's state at the time out of the comparison with the Rust figures.
   */
  private void readLimit(LongVec vec) {
    MemorySegment values = vec.storedValues();
    Repeated fold = new Repeated();
    Repeated random = new Repeated();
    Repeated asReader = new Repeated();
    for (int r = 0; r < REPETITIONS; r++) {
      Mark step = Mark.now();
      check("limit fold", MappedLongs.sum(values), n * (n - 1) / 2);
      fold.add(r, step);
    }
    for (int r = 0; r < REPETITIONS; r++) {
      Mark step = Mark.now();
      long sum = MappedLongs.sumAt(values, indices, 0, indices.length);
      random.add(r, step);
      check("limit random-read sum", sum, indexSum);
    }
    MappedLongs.Published published = new MappedLongs.Published(values);
    for (int r = 0; r < REPETITIONS; r++) {
      Mark step = Mark.now();
      long sum = MappedLongs.sumAtAsReader(published, indices, 0, indices.length);
      asReader.add(r, step);
      check("limit random-read sum as a reader", sum, indexSum);
    }
    fold.record(OriginalStep.LIMIT_FOLD);
    random.record(OriginalStep.LIMIT_RANDOM);
    asReader.record(OriginalStep.LIMIT_RANDOM_AS_READER);
  }

  /** Pushes the values {@code 0..n-1} one by one, as the original does. */
  private void push(LongVec vec) {
    for (long i = 0; i < n; i++) {
      vec.push(i);
    }
  }

  private void timed(OriginalStep which, Runnable action) {
    Mark step = Mark.now();
    action.run();
    end(which, step);
  }

  private void end(OriginalStep which, Mark step) {
    long nanos = step.elapsedNanos();
    record(which, nanos, step.faultsSince(), step.load());
  }

  private void record(OriginalStep which, long nanos, long faults, double load) {
    if (recording) {
      result.setProperty(which.key() + ".ns", Long.toString(nanos));
      result.setProperty(which.key() + ".minflt", Long.toString(faults));
      result.setProperty(which.key() + ".load", Double.toString(load));
    }
  }

  /** The repetitions of one step: the median time, the mean faults per repetition, the load at the first. */
  private final class Repeated {
    private final long[] nanos = new long[REPETITIONS];
    private long faults;
    private double load;

    void add(int repetition, Mark step) {
      nanos[repetition] = step.elapsedNanos();
      faults += step.faultsSince();
      if (repetition == 0) {
        load = step.load();
      }
    }

    void record(OriginalStep which) {
      long[] sortedNanos = nanos.clone();
      Arrays.sort(sortedNanos);
      OriginalWorkload.this.record(which, sortedNanos[REPETITIONS / 2], faults / REPETITIONS, load);
    }
  }

  private void check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(format + ": " + what + " is " + actual + ", expected " + expected);
    }
  }
}
