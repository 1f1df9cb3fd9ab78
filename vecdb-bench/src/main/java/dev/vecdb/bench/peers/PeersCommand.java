package dev.vecdb.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peer comparison runner: runs every selected engine's {@link Workload} in fresh child JVMs (three per engine
 * by default, the report giving their median and spread), one after the other, prints the Markdown report and writes it to the results file. An engine that fails (a native library that
 * does not load, a wrong sum) is reported with its error in the table; the others still run.
 *
 * <p>Run it with {@code java -jar vecdb-bench/target/benchmarks.jar peers [options]} (see {@link PeersOptions}).
 * Stateless; a run uses the calling thread and blocks until every child JVM has ended.
 */
public final class PeersCommand {
  private PeersCommand() {}

  /** Runs the comparison; returns the process exit status (0 once the report is written, 2 on bad options). */
  public static int run(String... args) throws IOException, InterruptedException {
    PeersOptions options;
    try {
      options = PeersOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("peers: " + e.getMessage());
      return 2;
    }
    runAndWrite(options);
    System.out.println("peers: results written to " + options.out().toAbsolutePath());
    return 0;
  }

  /**
   * Runs {@code options}' engines, each in {@code processes} fresh child JVMs, in rounds (every engine once, then
   * again), printing progress; the results file is rewritten after every child (so an interrupted run keeps what it
   * measured), and the final report is printed. Returns the medians per engine, in the options' order.
   */
  static List<Measurement> runAndWrite(PeersOptions options) throws IOException, InterruptedException {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String loadBefore = Machine.loadAverage();
    Map<Engine, List<Measurement>> runs = new LinkedHashMap<>();
    String report = "";
    int children = 0;
    for (int round = 1; round <= options.processes(); round++) {
      for (Engine engine : options.engines()) {
        long start = System.nanoTime();
        System.out.printf("peers: %-16s N=%,d, process %d of %d ...%n", engine.id(), options.n(), round,
            options.processes());
        Measurement m = ChildJvm.run(engine, options);
        System.out.printf("peers: %-16s %s in %.1f s%n", engine.id(), m.error == null ? "done" : "FAILED: " + m.error,
            (System.nanoTime() - start) / 1e9);
        runs.computeIfAbsent(engine, e -> new ArrayList<>()).add(m);
        children++;
        List<String> context = List.of(
            "Run: " + started + " (UTC), " + Duration.between(started, Instant.now()).toSeconds() + " s for "
                + children + " of " + options.engines().size() * options.processes() + " child JVMs; work directory "
                + options.workDir().toAbsolutePath(),
            "Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + Machine.loadAverage()
                + " (other processes share the machine: times are wall-clock; minor faults do not depend on it)");
        report = Report.render(options, medians(runs), context);
        write(options.out(), report);
      }
    }
    System.out.println(report);
    return medians(runs);
  }

  private static List<Measurement> medians(Map<Engine, List<Measurement>> runs) {
    return runs.values().stream().map(Measurement::median).toList();
  }

  private static void write(Path out, String report) throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, report);
  }
}
