package dev.vecdb.bench.peers;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The warm rewrite of {@code PushWriteBench.vecdbRewrite}, with its minor page faults: one {@code BYTES} vector of
 * 10 M {@code u64}, then {@code rounds} times {@code clear()}, 10 M single pushes and {@code write()} (after every
 * {@code batch} pushes, and at the end), each round timed with the faults it caused ({@code /proc/self/stat}).
 * {@code java -cp benchmarks.jar dev.vecdb.bench.peers.RewriteProbe <new dir> [rounds] [batch]}; prints the median
 * time and faults of the rounds after the first two. Command-line only, Linux only; single-threaded.
 */
public final class RewriteProbe {
  private static final long N = 10_000_000;

  private RewriteProbe() {}

  /** Runs the rounds; see the class comment. */
  public static void main(String[] args) {
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long batch = args.length > 2 ? Long.parseLong(args[2]) : N;
    double[] nanos = new double[rounds];
    long[] faults = new long[rounds];
    try (Database db = Database.open(Path.of(args[0]))) {
      LongVec v = db.longVec("bench", NumberType.U64, VecOptions.of(Format.BYTES));
      for (int r = 0; r < rounds; r++) {
        v.clear();
        long f0 = ProcessCounters.minorFaults();
        long t0 = System.nanoTime();
        for (long i = 0; i < N; i++) {
          v.push(i + r);
          if ((i + 1) % batch == 0) {
            v.write();
          }
        }
        v.write();
        nanos[r] = (System.nanoTime() - t0) / (double) N;
        faults[r] = ProcessCounters.minorFaults() - f0;
      }
    }
    double[] timed = Arrays.copyOfRange(nanos, 2, rounds);
    long[] counted = Arrays.copyOfRange(faults, 2, rounds);
    Arrays.sort(timed);
    Arrays.sort(counted);
    System.out.printf(Locale.ROOT, "push+write %.2f ns/value (%.2f-%.2f), minor faults %d (%d-%d) per 10 M rewrite%n",
        timed[timed.length / 2], timed[0], timed[timed.length - 1], counted[counted.length / 2], counted[0],
        counted[counted.length - 1]);
  }
}
