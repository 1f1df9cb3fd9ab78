package dev.vecdb.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counters of this process and of the machine that explain a time: the minor page faults of this process
 * ({@code minflt}, field 10 of {@code /proc/self/stat}) and the 1-minute load average. A fault costs the same on an
 * idle or a loaded machine, which makes the fault count of a step comparable across runs where its time is not.
 * Stateless; any thread. Reading allocates, so read around a timed region, never inside it.
 */
final class ProcessCounters {
  private ProcessCounters() {}

  /**
   * The start of a timed step: the faults and the load, read before the clock starts.
   *
   * @param faults {@link #minorFaults()} at the start
   * @param load {@link #load1()} at the start
   * @param nanos {@link System#nanoTime()} at the start
   */
  record Mark(long faults, double load, long nanos) {
    /** Marks now. */
    static Mark now() {
      long faults = minorFaults();
      double load = load1();
      return new Mark(faults, load, System.nanoTime());
    }

    /** Nanoseconds since the mark (read this first, before {@link #faultsSince()}). */
    long elapsedNanos() {
      return System.nanoTime() - nanos;
    }

    /** Minor faults since the mark. */
    long faultsSince() {
      return minorFaults() - faults;
    }
  }

  /** Minor page faults of this process so far, or -1 where {@code /proc} is not available. */
  static long minorFaults() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // fields after the command name, which is in parentheses and may contain spaces: state is field 3
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[10 - 3]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The 1-minute load average, or NaN where {@code /proc} is not available. */
  static double load1() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
