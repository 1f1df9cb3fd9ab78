package dev.vecdb.bench;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link Database#preallocate} changes for a write: 10 M sequential {@code u64} pushed one by one into a new
 * {@code BYTES} vector, then {@code write()}, then {@code db.flush()}, timed apart (the preallocation itself is timed
 * alone, before). {@code java -cp benchmarks.jar dev.vecdb.bench.PreallocationProbe <none|preallocate> <new dir>
 * [rounds]}: each round is a new database in a subdirectory (the first two rounds warm the JIT at 1 M values and are
 * not printed); prints one line per timed round. Command-line only; single-threaded.
 */
public final class PreallocationProbe {
  private static final long N = 10_000_000;

  private PreallocationProbe() {}

  /** Runs the rounds; see the class comment. */
  public static void main(String[] args) {
    boolean preallocate = args[0].equals("preallocate");
    Path dir = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int r = -2; r < rounds; r++) {
      long n = r < 0 ? N / 10 : N;
      try (Database db = Database.open(dir.resolve("round" + (r + 2)))) {
        long t0 = System.nanoTime();
        if (preallocate) {
          db.preallocate(n * 8 + (1 << 20), 16);
        }
        long t1 = System.nanoTime();
        LongVec v = db.longVec("bench", NumberType.U64, VecOptions.of(Format.BYTES));
        for (long i = 0; i < n; i++) {
          v.push(i);
        }
        long t2 = System.nanoTime();
        v.write();
        long t3 = System.nanoTime();
        db.flush();
        long t4 = System.nanoTime();
        if (r >= 0) {
          System.out.printf(Locale.ROOT, "%s preallocate %.1f ms | push %.2f write %.2f flush %.2f ns/value%n",
              args[0], (t1 - t0) / 1e6, (t2 - t1) / (double) n, (t3 - t2) / (double) n, (t4 - t3) / (double) n);
        }
      }
    }
  }
}
