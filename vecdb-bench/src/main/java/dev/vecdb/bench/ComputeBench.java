package dev.vecdb.bench;

import static dev.vecdb.bench.BenchSupport.N;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.compute.ComputeSource;
import dev.vecdb.compute.EagerDoubleVec;
import dev.vecdb.compute.EagerLongVec;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.LongVec;
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
 * Eager computations over N = 10M written values, in ns per computed value: {@code computeSma} (window 20) of an
 * {@code f64} price series and {@code computeCumulative} of an {@code i64} volume series, both into {@code BYTES}
 * vectors. Each invocation recomputes everything ({@code maxFrom} 0): truncation, reading the source, the
 * computation, pushing and writing the batches (not flushing).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ComputeBench {
  private static final int WINDOW = 20;

  /** A database with the sources and the two computed vectors. */
  @State(Scope.Benchmark)
  public static class Sources {
    Path dir;
    Database db;
    ComputeSource prices;
    ComputeSource volume;
    EagerDoubleVec sma;
    EagerLongVec cumulative;

    @Setup(Level.Trial)
    public void open() {
      dir = BenchSupport.newDir("vecdb-compute");
      db = Database.open(dir);
      DoubleVec p = db.doubleVec("prices", VecOptions.DEFAULT);
      LongVec v = db.longVec("volume", NumberType.I64, VecOptions.DEFAULT);
      for (int i = 0; i < N; i++) {
        p.push(100 + (i % 1000) * 0.01);
        v.push(i % 1000);
      }
      p.write();
      v.write();
      prices = ComputeSource.of(p);
      volume = ComputeSource.of(v);
      sma = EagerDoubleVec.open(db, "sma", VecOptions.DEFAULT);
      cumulative = EagerLongVec.open(db, "cumulative", NumberType.I64, VecOptions.DEFAULT);
    }

    @TearDown(Level.Trial)
    public void close() {
      PushWriteBench.check(sma.len() == 0 || sma.len() == N && Math.abs(sma.get(N - 1) - 109.895) < 1e-6, "sma");
      PushWriteBench.check(cumulative.len() == 0
          || cumulative.len() == N && cumulative.get(N - 1) == (long) N / 1000 * 999 * 1000 / 2, "cumulative");
      db.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  /** Recomputes the 20-value SMA of 10M prices. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long computeSma(Sources s) {
    s.sma.computeSma(0, s.prices, WINDOW);
    return s.sma.len();
  }

  /** Recomputes the cumulative sum of 10M volumes. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long computeCumulative(Sources s) {
    s.cumulative.computeCumulative(0, s.volume);
    return s.cumulative.len();
  }
}
