package dev.vecdb.bench.peers;

import com.sun.management.ThreadMXBean;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code write()} of the original's workload (N sequential {@code u64}, value = index, pushed one by one into a fresh
 * vector), repeated in one process: {@code java -cp benchmarks.jar dev.vecdb.bench.peers.WriteProbe <format> <n>
 * <warm-up-runs> <runs> <dir>}. Runs the push and write {@code warm-up-runs} times at N/10, then {@code runs} times at
 * N, each in a fresh database under {@code dir} (deleted after), and prints one line per timed run: push and write in
 * wall-clock ns/value, the writing thread's CPU time of {@code write()} in ns/value (less sensitive to the machine's
 * load than the wall clock, since time spent waiting for a core is not counted), the bytes that thread allocated
 * during {@code write()}, the stored payload, and the 1-minute load average. Command-line only; single-threaded.
 */
public final class WriteProbe {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private WriteProbe() {}

  /** Runs the probe; see the class comment. */
  public static void main(String[] args) throws Exception {
    Format format = Format.valueOf(args[0].toUpperCase(Locale.ROOT).replace('-', '_'));
    long n = Long.parseLong(args[1]);
    int warmUpRuns = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    Path dir = Path.of(args[4]);
    for (int i = 0; i < warmUpRuns; i++) {
      once(format, Math.max(1_000, n / 10), dir.resolve("warm-up"), false);
    }
    for (int i = 0; i < runs; i++) {
      once(format, n, dir.resolve("timed"), true);
    }
  }

  private static void once(Format format, long n, Path dir, boolean print) throws Exception {
    try (Database db = Database.open(Files.createDirectories(dir))) {
      LongVec vec = db.longVec("bench", NumberType.U64, VecOptions.of(format));
      long t0 = System.nanoTime();
      for (long i = 0; i < n; i++) {
        vec.push(i);
      }
      long t1 = System.nanoTime();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long allocated0 = THREADS.getCurrentThreadAllocatedBytes();
      vec.write();
      long t2 = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
      long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated0;
      if (print) {
        System.out.printf(Locale.ROOT,
            "push %.2f write %.2f write-cpu %.2f ns/value, write allocated %d bytes, payload %d bytes, load %s%n",
            (t1 - t0) / (double) n, (t2 - t1) / (double) n, cpu / (double) n, allocated, vec.storedBytes(),
            Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      }
    } finally {
      DiskUsage.delete(dir);
    }
  }
}
