package dev.vecdb.bench;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.compress.Lz4PageCodec;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every format — the paged compressed ones (LZ4, ZSTD, PCO) and the raw {@code BYTES} and {@code ZERO_COPY} — per
 * {@link Dataset}, on {@value #VALUES} values: push + write and push + write + flush (ns per value), a fold and a
 * cursor over every value (ns per value), sorted multi-index reads (ns per read) and random point reads
 * through the writer's view (ns per read; each one decodes the page holding it, except when it is the page decoded
 * last). The stored size (bytes per value) is printed by the setup as a {@code # stored} line, with the format shown
 * as {@code LZ4-JNI} when LZ4 runs on lz4-java's native library (forks have native access unless
 * {@code -jvmArgsAppend} replaces the flag). Page cache warm; no fsync.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class PagedFormatsBench {
  /** Values per vector: 1,000 pages of {@code u64}. */
  static final int VALUES = 2_048_000;
  /** Random reads per operation. */
  static final int READS = 10_000;

  /** Which format and which series. */
  @State(Scope.Benchmark)
  public static class Case {
    @Param({"BYTES", "ZERO_COPY", "LZ4", "ZSTD", "PCO"})
    public Format format;

    @Param({"SEQUENTIAL_U64", "PRICE_F64", "SMALL_I32", "RANDOM_U64"})
    public Dataset dataset;

    MemorySegment values;

    @Setup(Level.Trial)
    public void generate() {
      values = dataset.values(VALUES);
    }
  }

  /** A written vector holding the case's series, and the random indices. */
  @State(Scope.Benchmark)
  public static class Written {
    Path dir;
    Database db;
    PagedWorkload workload;
    long[] indices;
    long[] sortedIndices;

    @Setup(Level.Trial)
    public void open(Case c) {
      dir = BenchSupport.newDir("vecdb-paged");
      db = Database.open(dir);
      workload = PagedWorkload.open(db, c.dataset, VecOptions.of(c.format));
      workload.pushAll(c.values);
      workload.vec().write();
      indices = BenchSupport.randomIndices(READS, VALUES);
      sortedIndices = indices.clone();
      Arrays.sort(sortedIndices);
      String label = c.format == Format.LZ4 && Lz4PageCodec.implementation().endsWith("JNI") ? "LZ4-JNI"
          : c.format.name();
      System.out.printf("# stored %s %s: %d bytes, %.4f bytes/value%n", label, c.dataset,
          workload.storedBytes(), workload.storedBytes() / (double) VALUES);
    }

    @TearDown(Level.Trial)
    public void close() {
      db.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  /** A new database and empty vector for every iteration of the write benchmark. */
  @State(Scope.Benchmark)
  public static class Empty {
    Path dir;
    Database db;
    PagedWorkload workload;

    @Setup(Level.Iteration)
    public void open(Case c) {
      dir = BenchSupport.newDir("vecdb-paged-write");
      db = Database.open(dir);
      workload = PagedWorkload.open(db, c.dataset, VecOptions.of(c.format));
    }

    @TearDown(Level.Iteration)
    public void close() {
      PushWriteBench.check(workload.vec().storedLen() == VALUES, "stored length");
      db.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  /** Push + write of the series into a fresh vector, one invocation per iteration: ns per value. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OperationsPerInvocation(VALUES)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public boolean write(Case c, Empty e) {
    e.workload.pushAll(c.values);
    return e.workload.vec().write();
  }

  /** Push + write + a durable {@code Database.flush()} into a fresh vector: ns per value. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OperationsPerInvocation(VALUES)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public boolean writeAndFlush(Case c, Empty e) {
    e.workload.pushAll(c.values);
    boolean changed = e.workload.vec().write();
    e.db.flush();
    return changed;
  }

  /** A sum of every value through a cursor: ns per value. */
  @Benchmark
  @OperationsPerInvocation(VALUES)
  public long cursor(Written w) {
    return w.workload.cursor();
  }

  /** {@value #READS} point reads at sorted random indices through one {@code getAll}: ns per read. */
  @Benchmark
  @OperationsPerInvocation(READS)
  public long sortedGetAll(Written w) {
    return w.workload.getAll(w.sortedIndices);
  }

  /** A sum of every value: ns per value. */
  @Benchmark
  @OperationsPerInvocation(VALUES)
  public long fold(Written w) {
    return w.workload.fold();
  }

  /** {@value #READS} point reads at random indices: ns per read. */
  @Benchmark
  @OperationsPerInvocation(READS)
  public long randomGet(Written w) {
    return w.workload.get(w.indices);
  }
}
