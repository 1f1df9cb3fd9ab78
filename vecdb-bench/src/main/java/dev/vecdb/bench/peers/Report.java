package dev.vecdb.bench.peers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders one run as Markdown: machine, summary, durability per row, one table per step (ms, values/s, GB/s,
 * ns/value, speed relative to the FFM limit), disk sizes and the targets. Not thread-safe.
 */
final class Report {
  private final PeersOptions options;
  private final Map<Engine, Measurement> byEngine = new LinkedHashMap<>();
  private final StringBuilder md = new StringBuilder();

  private Report(PeersOptions options, List<Measurement> measurements) {
    this.options = options;
    measurements.forEach(m -> byEngine.put(m.engine, m));
  }

  /**
   * The whole results file.
   *
   * @param context lines about the run (date, load averages, duration), printed under the machine
   */
  static String render(PeersOptions options, List<Measurement> measurements, List<String> context) {
    Report r = new Report(options, measurements);
    r.header(context);
    r.summary();
    r.ratios();
    r.durability();
    for (Step step : Step.values()) {
      r.stepTable(step);
    }
    r.disk();
    r.targets();
    return r.md.toString();
  }

  private void line(String text) {
    md.append(text).append('\n');
  }

  private void header(List<String> context) {
    long n = options.n();
    line("# Peer comparison: N = " + String.format("%,d", n) + " sequential u64 (value = index)");
    line("");
    line("Command: `java -jar vecdb-bench/target/benchmarks.jar peers --n " + n + " --procs " + options.processes()
        + " --reps " + options.repetitions()
        + " --warmup " + options.warmUpSeconds() + " --threads " + options.threads() + "`");
    line("");
    line("- CPU: " + Machine.cpu() + ", " + Machine.cores() + " cores; RAM: " + Machine.memory());
    line("- JDK: " + Machine.jdk() + "; OS: " + Machine.os());
    context.forEach(c -> line("- " + c));
    line("");
    line("Each engine runs in " + options.processes() + " fresh child JVMs (in rounds: every engine once, then again)"
        + " with the flags in the durability table; every time is the median over its processes, the step tables"
        + " add their spread (min–max), the step's minor page faults and the 1-minute load when it started (medians;"
        + " faults do not depend on the load, times do). The steps:");
    line("");
    for (Step step : Step.values()) {
      line("- **" + step.title + "**: " + step.meaning + ".");
    }
    line("");
    line("Point reads: " + String.format("%,d", Math.max(1, n / 100)) + " indices (xorshift64, seed"
        + " 0x9E3779B97F4A7C15), the same for every engine; every sum is checked. JIT warm-up: before anything is"
        + " timed, each child writes a throwaway store of N/10 values, and the reads run untimed for "
        + options.warmUpSeconds() + " s after the first linear read. GB/s counts 8 bytes per value read or"
        + " written. *vs limit* is the FFM row's time divided by the row's time (1.00× = at the physical limit,"
        + " 0.10× = ten times slower).");
    line("");
  }

  private void summary() {
    line("## Summary (ns per value or per read; lower is better)");
    line("");
    stepColumns("open (ms)", " | disk after close |", "---:|");
    for (Measurement m : byEngine.values()) {
      line(stepRow(m, step -> m.nanos(step) < 0 ? "–" : step == Step.OPEN
          ? Numbers.decimal(m.nanos(step) / 1e6) : Numbers.decimal(nsPerOp(m, step)))
          + " | " + Numbers.bytes(m.diskAllocated) + " |");
    }
    line("");
    for (Measurement m : byEngine.values()) {
      if (m.error != null) {
        line("- **" + m.engine.label + " failed**: " + m.error);
      }
    }
    line("");
  }

  private void ratios() {
    line("## Speed relative to the FFM limit (its time / the row's time; 1.00× = at the limit)");
    line("");
    stepColumns("open", " |", "");
    for (Measurement m : byEngine.values()) {
      line(stepRow(m, step -> Numbers.ratio(vsLimit(m, step))) + " |");
    }
    line("");
  }

  /** The header and alignment lines of a table with one column per step, then {@code extra} columns. */
  private void stepColumns(String openTitle, String extraTitles, String extraAlignment) {
    line("| engine | write, in memory | write + durable | " + openTitle + " | first linear read | linear read"
        + " | random read | random read, " + options.threads() + " threads" + extraTitles);
    line("|---|---:|---:|---:|---:|---:|---:|---:|" + extraAlignment);
  }

  /** {@code | label | cell(step) | ...} for every step, without the closing bar. */
  private static String stepRow(Measurement m, Function<Step, String> cell) {
    StringBuilder row = new StringBuilder("| " + m.engine.label);
    for (Step step : Step.values()) {
      row.append(" | ").append(cell.apply(step));
    }
    return row.toString();
  }

  /** The limit's time divided by {@code m}'s for {@code step}; NaN when either did not run. */
  private double vsLimit(Measurement m, Step step) {
    Measurement limit = byEngine.get(Engine.FFM);
    if (limit == null || limit.nanos(step) < 0 || m.nanos(step) < 0) {
      return Double.NaN;
    }
    return (double) limit.nanos(step) / m.nanos(step);
  }

  private void durability() {
    line("## Durability and API per row");
    line("");
    line("| engine | bulk API | write, in memory = | write + durable = | child JVM flags |");
    line("|---|---|---|---|---|");
    for (Measurement m : byEngine.values()) {
      Engine e = m.engine;
      line("| " + e.label + " | " + e.api + " | " + e.memoryDurability + " | " + e.durableDurability + " | `"
          + String.join(" ", e.allJvmFlags()) + "` |");
    }
    line("");
  }

  private void stepTable(Step step) {
    line("### " + step.title);
    line("");
    line(step.meaning + ".");
    line("");
    line("| engine | ms | values/s | GB/s | ns/value | vs limit | spread (ms) | minor faults | load |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Measurement m : byEngine.values()) {
      long ns = m.nanos(step);
      if (ns < 0) {
        line("| " + m.engine.label + " | failed | | | | | | | |");
        continue;
      }
      double perSecond = m.operations(step) / (ns / 1e9);
      boolean throughput = step != Step.OPEN;
      line("| " + m.engine.label + " | " + Numbers.decimal(ns / 1e6) + " | "
          + (throughput ? Numbers.si(perSecond) : "") + " | "
          + (throughput ? Numbers.decimal(perSecond * 8 / 1e9) : "") + " | "
          + (throughput ? Numbers.decimal(nsPerOp(m, step)) : "") + " | " + Numbers.ratio(vsLimit(m, step)) + " | "
          + spread(m, step) + " | " + (m.faults.containsKey(step) ? String.format("%,d", m.faults.get(step)) : "–")
          + " | " + (m.load.containsKey(step) ? Numbers.decimal(m.load.get(step)) : "–") + " |");
    }
    line("");
  }

  private void disk() {
    line("### disk after close");
    line("");
    line("The durable dataset's directory after the store is closed (RocksDB: as left by close, no manual"
        + " compaction). Allocated = st_blocks × 512 (`du`); logical = sum of file lengths (sparse files count"
        + " whole).");
    line("");
    line("| engine | allocated | logical | allocated bytes/value |");
    line("|---|---:|---:|---:|");
    for (Measurement m : byEngine.values()) {
      line("| " + m.engine.label + " | " + Numbers.bytes(m.diskAllocated) + " | " + Numbers.bytes(m.diskLogical)
          + " | " + (m.diskAllocated < 0 ? "–" : Numbers.decimal((double) m.diskAllocated / m.values)) + " |");
    }
    line("");
  }

  private void targets() {
    line("## Targets (issue 10 item 4), on this run");
    line("");
    line("| target | measured | verdict |");
    line("|---|---|---|");
    for (String[] row : TargetCheck.check(byEngine)) {
      line("| " + String.join(" | ", row) + " |");
    }
    line("");
  }

  /** {@code min–max} in ms of {@code step} over the processes {@code m} is the median of. */
  private static String spread(Measurement m, Step step) {
    long[] ns = m.runs.stream().mapToLong(r -> r.nanos(step)).filter(v -> v >= 0).sorted().toArray();
    return ns.length == 0 ? "–" : Numbers.decimal(ns[0] / 1e6) + "–" + Numbers.decimal(ns[ns.length - 1] / 1e6);
  }

  private static double nsPerOp(Measurement m, Step step) {
    return (double) m.nanos(step) / m.operations(step);
  }
}
