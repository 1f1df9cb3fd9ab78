package dev.vecdb.bench;

import static dev.vecdb.bench.BenchSupport.N;
import static dev.vecdb.bench.BenchSupport.READS;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads of N = 10M written {@code i64} values (value = index), page cache warm and mappings faulted in by the
 * warmup: a full sequential sum (ns per value) and 100,000 random point reads (ns per read), through vecdb's
 * {@link LongVec} (the writer's view), a {@link LongReader} (the any-thread view), and a hand-written loop over a
 * read-only mapping of a file holding the same little-endian bytes (the physical limit).
 *
 * <p>The vecdb database is written once per trial (push + write, not flushed: reads are the same either way); the
 * baseline file is written once per trial and mapped read-only in a shared arena, as vecdb maps its data file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ReadBench {

  /** A database holding the vector, its reader, and the random indices. */
  @State(Scope.Benchmark)
  public static class Vecdb {
    Path dir;
    Database db;
    LongVec vec;
    LongReader reader;
    long[] indices;

    @Setup(Level.Trial)
    public void open() {
      dir = BenchSupport.newDir("vecdb-read");
      db = BenchSupport.databaseWithValues(dir);
      vec = db.longVec(BenchSupport.VEC, NumberType.I64, VecOptions.DEFAULT);
      reader = vec.reader();
      indices = BenchSupport.randomIndices();
      PushWriteBench.check(vec.fold(0, vec.len(), 0L, Long::sum) == BenchSupport.expectedSum(), "vecdb sum");
    }

    @TearDown(Level.Trial)
    public void close() {
      reader.close();
      db.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  /** The baseline file, mapped read-only, and the same random indices. */
  @State(Scope.Benchmark)
  public static class Baseline {
    Path dir;
    Arena arena;
    MemorySegment mapping;
    long[] indices;

    @Setup(Level.Trial)
    public void open() {
      dir = BenchSupport.newDir("baseline-read");
      arena = Arena.ofShared();
      mapping = BenchSupport.baselineFileMappedReadOnly(dir.resolve("data"), arena);
      indices = BenchSupport.randomIndices();
    }

    @TearDown(Level.Trial)
    public void close() {
      arena.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  // ---- sequential fold (sum) over the whole vector: ns per value ----

  @Benchmark
  @OperationsPerInvocation(N)
  public long foldVec(Vecdb s) {
    return s.vec.fold(0, s.vec.len(), 0L, Long::sum);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long foldReader(Vecdb s) {
    return s.reader.fold(0, s.reader.len(), 0L, Long::sum);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long foldBaseline(Baseline b) {
    return MappedLongs.sum(b.mapping);
  }

  /**
   * Diagnostic: the baseline's hand-written loop over vecdb's own mapping ({@link LongVec#storedValues()}), to
   * separate the cost of vecdb's code from that of its file and mapping.
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public long foldStoredValues(Vecdb s) {
    return MappedLongs.sum(s.vec.storedValues());
  }

  // ---- 100,000 random point reads: ns per read ----

  /** Diagnostic: the baseline's random reads over vecdb's own mapping ({@link LongVec#storedValues()}). */
  @Benchmark
  @OperationsPerInvocation(READS)
  public long randomGetStoredValues(Vecdb s) {
    return MappedLongs.sumAt(s.vec.storedValues(), s.indices, 0, s.indices.length);
  }

  @Benchmark
  @OperationsPerInvocation(READS)
  public long randomGetVec(Vecdb s) {
    LongVec vec = s.vec;
    long[] indices = s.indices;
    long sum = 0;
    for (long index : indices) {
      sum += vec.get(index);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(READS)
  public long randomGetReader(Vecdb s) {
    LongReader reader = s.reader;
    long[] indices = s.indices;
    long sum = 0;
    for (long index : indices) {
      sum += reader.get(index);
    }
    return sum;
  }

  /** As the Rust baseline times it: the reader is opened (and closed) inside the measured operation. */
  @Benchmark
  @OperationsPerInvocation(READS)
  public long randomGetNewReader(Vecdb s) {
    long[] indices = s.indices;
    long sum = 0;
    try (LongReader reader = s.vec.reader()) {
      for (long index : indices) {
        sum += reader.get(index);
      }
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(READS)
  public long randomGetBaseline(Baseline b) {
    return MappedLongs.sumAt(b.mapping, b.indices, 0, b.indices.length);
  }
}
