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
