package dev.vecdb.bench;

import static dev.vecdb.bench.BenchSupport.N;
import static dev.vecdb.bench.BenchSupport.READS;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.compute.CachedLongVec;
import dev.vecdb.compute.LazyLongFrom;
import dev.vecdb.compute.LazyLongSource;
import dev.vecdb.vec.LongReadable;
import dev.vecdb.vec.LongReader;
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
 * The cost of computing on read: a full sequential sum of N = 10M {@code i64} values (ns per value) and 100,000
 * random point reads (ns per read) through a stored vector's reader, a lazy identity of it, a lazy sum of two of its
 * readers, and a cached copy of that lazy sum.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class LazyReadBench {

  /** A database holding the vector, two readers and the lazy vectors over them. */
  @State(Scope.Benchmark)
  public static class Lazy {
    Path dir;
    Database db;
    LongReader reader;
    LongReader other;
    LazyLongFrom identity;
    LazyLongFrom plus;
    CachedLongVec cached;
    long[] indices;

    @Setup(Level.Trial)
    public void open() {
      dir = BenchSupport.newDir("vecdb-lazy");
      db = BenchSupport.databaseWithValues(dir);
      reader = db.longVec(BenchSupport.VEC, NumberType.I64, VecOptions.DEFAULT).reader();
      other = db.longVec(BenchSupport.VEC, NumberType.I64, VecOptions.DEFAULT).reader();
      identity = LazyLongFrom.identity("identity", 0, LazyLongSource.of(reader));
      plus = LazyLongFrom.plus("plus", 0, LazyLongSource.of(reader), LazyLongSource.of(other));
      cached = CachedLongVec.wrap(plus);
      cached.materialize();
      indices = BenchSupport.randomIndices();
      PushWriteBench.check(plus.sum() == 2 * BenchSupport.expectedSum(), "lazy sum");
    }

    @TearDown(Level.Trial)
    public void close() {
      reader.close();
      other.close();
      db.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long foldReader(Lazy s) {
    return sum(s.reader);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long foldLazyIdentity(Lazy s) {
    return sum(s.identity);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long foldLazyPlus(Lazy s) {
    return sum(s.plus);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long foldCachedPlus(Lazy s) {
    return sum(s.cached);
  }

  @Benchmark
  @OperationsPerInvocation(READS)
  public long getReader(Lazy s) {
    return pointReads(s.reader, s.indices);
  }

  @Benchmark
  @OperationsPerInvocation(READS)
  public long getLazyPlus(Lazy s) {
    return pointReads(s.plus, s.indices);
  }

  private static long sum(LongReadable vector) {
    return vector.fold(0, N, 0L, Long::sum);
  }

  private static long pointReads(LongReadable vector, long[] indices) {
    long sum = 0;
    for (long i : indices) {
      sum += vector.get(i);
    }
    return sum;
  }
}
