package dev.vecdb.bench;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The open path of a 10 M sequential {@code u64} vector (the original's workload, step (e)), in one process:
 * {@code Database.open}, then the vector's open, then {@code close}, timed apart, on the first open of the process
 * and on later ones. {@code java -cp benchmarks.jar dev.vecdb.bench.OpenProbe <format> <dir> [opens]}: creates the
 * dataset in {@code dir} when it is missing (and exits), else opens it {@code opens} times (default 400) and prints
 * one line: the first open's database and vector times and the first {@code get} after it, then the median of opens
 * 2 to 10 and of the last half, then the last open's times (µs; with 27 opens, the last is where the original's
 * workload times its reopen: the 27th open of its process).
 * Command-line only; single-threaded.
 */
public final class OpenProbe {
  private static final long N = 10_000_000;

  private OpenProbe() {}

  /** Creates or opens; see the class comment. */
  public static void main(String[] args) throws Exception {
    Format format = Format.valueOf(args[0].toUpperCase(Locale.ROOT).replace('-', '_'));
    Path dir = Path.of(args[1]);
    int opens = args.length > 2 ? Integer.parseInt(args[2]) : 400;
    VecOptions options = VecOptions.of(format);
    if (!Files.exists(dir)) {
      try (Database db = Database.open(dir)) {
        LongVec v = db.longVec("bench", NumberType.U64, options);
        long[] block = new long[65_536];
        for (long i = 0; i < N; i += block.length) {
          int count = (int) Math.min(block.length, N - i);
          for (int j = 0; j < count; j++) {
            block[j] = i + j;
          }
          v.pushAll(count == block.length ? block : Arrays.copyOf(block, count));
        }
        v.write();
        db.flush();
      }
      System.out.println("created " + dir);
      return;
    }
    long[] dbOpen = new long[opens];
    long[] vecOpen = new long[opens];
    long[] close = new long[opens];
    long firstGet = 0;
    for (int i = 0; i < opens; i++) {
      long t0 = System.nanoTime();
      Database db = Database.open(dir);
      long t1 = System.nanoTime();
      LongVec v = db.longVec("bench", NumberType.U64, options);
      if (v.len() != N) {
        throw new IllegalStateException("len " + v.len());
      }
      long t2 = System.nanoTime();
      if (i == 0) {
        if (v.get(N / 2) != N / 2) {
          throw new IllegalStateException("value " + v.get(N / 2));
        }
        firstGet = System.nanoTime() - t2;
      }
      long t3 = System.nanoTime();
      db.close();
      long t4 = System.nanoTime();
      dbOpen[i] = t1 - t0;
      vecOpen[i] = t2 - t1;
      close[i] = t4 - t3;
    }
    System.out.printf(Locale.ROOT,
        "%s first: db %.0f vec %.0f get %.0f close %.0f | opens 2-10: %s | last half: %s | open %d: db %.1f vec %.1f%n",
        format, dbOpen[0] / 1e3, vecOpen[0] / 1e3, firstGet / 1e3, close[0] / 1e3,
        medians(dbOpen, vecOpen, close, 1, 10), medians(dbOpen, vecOpen, close, opens / 2, opens), opens,
        dbOpen[opens - 1] / 1e3, vecOpen[opens - 1] / 1e3);
  }

  private static String medians(long[] db, long[] vec, long[] close, int from, int to) {
    return String.format(Locale.ROOT, "db %.1f vec %.1f close %.1f", median(db, from, to) / 1e3,
        median(vec, from, to) / 1e3, median(close, from, to) / 1e3);
  }

  private static double median(long[] values, int from, int to) {
    long[] part = Arrays.copyOfRange(values, Math.min(from, values.length - 1), Math.max(to, from + 1));
    Arrays.sort(part);
    return part[part.length / 2];
  }
}
