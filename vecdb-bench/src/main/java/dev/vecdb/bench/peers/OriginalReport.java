package dev.vecdb.bench.peers;

import dev.vecdb.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Renders the {@code original} runner's results as Markdown: one row per step of the baseline's "Side by side"
 * table (then the steps it does not show), per format, with the median over the processes, the spread (min–max),
 * the step's minor page faults and the load when it started (medians), the Rust figure of {@code rust-baseline.md}
 * and the ratio. Stateless.
 */
final class OriginalReport {
  private OriginalReport() {}

  /** One row: how to get its value from one process's result, and the steps whose faults and load it reports. */
  private record Row(String title, double scale, boolean perRead, OriginalStep... steps) {
    /** The row's value in one process, NaN when a step is missing. */
    double value(Properties p, long n) {
      double nanos = 0;
      for (OriginalStep step : steps) {
        String ns = p.getProperty(step.key() + ".ns");
        if (ns == null) {
          return Double.NaN;
        }
        nanos += Long.parseLong(ns);
      }
      return nanos / (scale > 0 ? scale : perRead ? Math.min(n, OriginalWorkload.READS) : n);
    }

    /** The minor page faults of the row's steps in one process. */
    double faults(Properties p) {
      double total = 0;
      for (OriginalStep step : steps) {
        total += parse(p, step.key() + ".minflt");
      }
      return total;
    }

    /** The load when the row's first step started in one process. */
    double load(Properties p) {
      return parse(p, steps[0].key() + ".load");
    }
  }

  /** Scale 0 = per value (or per read); otherwise nanoseconds per unit (1e6 for milliseconds). */
  private static final List<Row> ROWS = List.of(
      new Row("push (ns/value)", 0, false, OriginalStep.PUSH),
      new Row("write() (ns/value)", 0, false, OriginalStep.WRITE),
      new Row("push + write (ns/value)", 0, false, OriginalStep.PUSH, OriginalStep.WRITE),
      new Row("durable flush: vec.flush() + db.flush() after write() (ms)", 1e6, false, OriginalStep.VEC_FLUSH,
          OriginalStep.DB_FLUSH),
      new Row("reopen (ms)", 1e6, false, OriginalStep.REOPEN),
      new Row("reopen, JIT-compiled (ms)", 1e6, false, OriginalStep.REOPEN_WARM),
      new Row("first scan (ns/value)", 0, false, OriginalStep.FIRST_FOLD),
      new Row("warm scan (ns/value)", 0, false, OriginalStep.WARM_FOLD),
      new Row("random read through a reader (ns)", 0, true, OriginalStep.RANDOM),
      new Row("sorted multi-read (ns/read)", 0, true, OriginalStep.SORTED),
      new Row("(a) open + import (ms)", 1e6, false, OriginalStep.OPEN_IMPORT),
      new Row("(d3) push, second database (ns/value)", 0, false, OriginalStep.PUSH_AGAIN),
      new Row("(d3) vec.flush() right after the push (ms)", 1e6, false, OriginalStep.PUSH_THEN_FLUSH),
      new Row("(d4) db.flush() after (d3) (ms)", 1e6, false, OriginalStep.DB_FLUSH_AGAIN),
      new Row("limit: warm scan as a hand-written loop over the mapping (ns/value)", 0, false,
          OriginalStep.LIMIT_FOLD),
      new Row("limit: random read as a hand-written loop over the mapping (ns)", 0, true, OriginalStep.LIMIT_RANDOM),
      new Row("limit: the same loop with a reader's two barriers per read (ns)", 0, true,
          OriginalStep.LIMIT_RANDOM_AS_READER));

  private static final double NA = Double.NaN;
  /** The original's hand-written mapped {@code &[u64]} sum and random reads, ns ({@code rust-baseline.md}, Build A). */
  private static final double LIMIT_SCAN = 0.28;
  private static final double LIMIT_READ = 6.0;

  /**
   * The Rust original's medians from {@code rust-baseline.md} ("Side by side", 2026-12-07; the limit rows from its
   * hand-written baseline), per format, in the order of the first rows of {@link #ROWS}, then region payload and
   * allocated bytes; NaN where it gives none.
   */
  private static final Map<Format, double[]> RUST = Map.of(
      Format.BYTES, new double[] {31.4, 48.9, 80.3, 240, 0.29, 0.29, 7.85, 0.336, 9.5, 106, NA, NA, NA, NA, LIMIT_SCAN, LIMIT_READ, NA, NA, NA},
      Format.ZERO_COPY, new double[] {29.5, NA, 77.6, NA, 0.42, 0.42, NA, 0.315, 9.5, NA, NA, NA, NA, NA, LIMIT_SCAN, LIMIT_READ, NA, NA, NA},
      Format.PCO, new double[] {23.5, Double.NaN, 63.6, 2.87, 0.38, 0.38, Double.NaN, 1.85, 3650, 228, 193_978, 290_816},
      Format.LZ4, new double[] {23.1, Double.NaN, 69.0, Double.NaN, 0.88, 0.88, Double.NaN, 5.73, 12_000, 632, Double.NaN, Double.NaN},
      Format.ZSTD, new double[] {24.0, Double.NaN, 84.0, Double.NaN, 0.66, 0.66, Double.NaN, 12.9, 26_500, 1_286, Double.NaN, Double.NaN});

  static String render(OriginalCommand.Options options, Map<Format, List<Properties>> results, List<String> loads,
      String loadAfter) {
    StringBuilder md = new StringBuilder();
    long n = options.n();
    md.append("# The Rust original's workload: N = ").append(String.format("%,d", n)).append(" u64, ")
        .append(options.runs()).append(" fresh processes per format\n\n");
    md.append("Command: `java -jar vecdb-bench/target/benchmarks.jar original --n ").append(n).append(" --runs ")
        .append(options.runs()).append(" --warmup-runs ").append(options.warmUpRuns()).append("`\n\n");
    md.append("- CPU: ").append(Machine.cpu()).append(", ").append(Machine.cores()).append(" cores; RAM: ")
        .append(Machine.memory()).append("\n");
    md.append("- JDK: ").append(Machine.jdk()).append("; OS: ").append(Machine.os()).append("\n");
    md.append("- Load average (1, 5, 15 min) at the start of each round: ").append(String.join(" / ", loads))
        .append("; after: ").append(loadAfter).append(" (times are wall-clock: a loaded machine slows them; minor"
            + " faults do not depend on the load)\n\n");
    md.append("Steps and indices as in `rust-baseline.md`; every sum and length is checked. Each process first runs the"
        + " whole workload ").append(options.warmUpRuns()).append(" times at N/10 (JIT warm-up). Java cells: median"
        + " over the processes (min–max when they differ). *faults*: minor page faults of the step (median). *load*: 1-minute load"
        + " average when the step started (median). *Rust*: the original's median from `rust-baseline.md`"
        + " (2026-12-07, quiet machine, load 0.73–0.79); Java/Rust below 1 = Java faster or smaller. The *limit* rows"
        + " (raw formats) time a hand-written FFM loop over the vector's own mapping in the same process, right after"
        + " the steps above, against the original's hand-written mmap loop: they show the machine's memory speed at"
        + " the time, so a scan or read ratio can be read against the ratio of the limits. The last limit row runs the"
        + " same random reads with the two barriers a reader's point read needs (a volatile read of the current mapping"
        + " and a load-load fence before its overwrite check): the least a read that is neither stale nor torn costs"
        + " here. *reopen* is where the workload times it, the 27th open of the process, most of it still"
        + " interpreted; *reopen, JIT-compiled* times the same reopen at the end of 2 000 open + close cycles"
        + " (median of the last 500), against the same Rust figure (native code has no warm-up).\n\n");
    md.append("| format | step | Java | faults | load | Rust | Java/Rust |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<Format, List<Properties>> e : results.entrySet()) {
      Format format = e.getKey();
      List<Properties> runs = e.getValue();
      double[] rust = RUST.get(format);
      for (int r = 0; r < ROWS.size(); r++) {
        Row row = ROWS.get(r);
        if (!format.isRaw() && row.steps[0].limit) {
          continue;
        }
        double[] values = runs.stream().mapToDouble(p -> row.value(p, n)).toArray();
        double rustValue = rust != null && r < rust.length - 2 ? rust[r] : Double.NaN;
        md.append(cells(format, row.title, values, median(runs, row::faults),
            median(runs, row::load), rustValue));
      }
      String[] bytes = {"payload.bytes", "disk.allocated"};
      String[] titles = {"region payload (bytes)", "allocated (bytes)"};
      for (int b = 0; b < 2; b++) {
        String key = bytes[b];
        double[] values = runs.stream().mapToDouble(p -> parse(p, key)).toArray();
        double rustValue = rust == null ? Double.NaN : rust[rust.length - 2 + b];
        md.append(cells(format, titles[b], values, Double.NaN, Double.NaN, rustValue));
      }
    }
    List<String> errors = new ArrayList<>();
    results.forEach((format, runs) -> runs.stream().map(p -> p.getProperty("error")).filter(x -> x != null)
        .forEach(error -> errors.add("- **" + format + " failed**: " + error)));
    if (!errors.isEmpty()) {
      md.append("\n").append(String.join("\n", errors)).append("\n");
    }
    return md.toString();
  }

  private static String cells(Format format, String title, double[] values, double faults, double load, double rust) {
    double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    String java = finite.length == 0 ? "failed" : Numbers.decimal(finite[(finite.length - 1) / 2])
        + (finite.length > 1 && finite[0] != finite[finite.length - 1] ? " (" + Numbers.decimal(finite[0]) + "–"
            + Numbers.decimal(finite[finite.length - 1]) + ")" : "");
    double ratio = finite.length == 0 ? Double.NaN : finite[(finite.length - 1) / 2] / rust;
    return "| " + format + " | " + title + " | " + java + " | " + (Double.isNaN(faults) ? "–" : String.format("%,.0f",
        faults)) + " | " + (Double.isNaN(load) ? "–" : Numbers.decimal(load)) + " | "
        + (Double.isNaN(rust) ? "–" : Numbers.decimal(rust)) + " | " + Numbers.ratio(ratio) + " |\n";
  }

  private static double median(List<Properties> runs, java.util.function.ToDoubleFunction<Properties> value) {
    double[] v = runs.stream().mapToDouble(value).filter(x -> !Double.isNaN(x)).sorted().toArray();
    return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
  }

  private static double parse(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null ? Double.NaN : Double.parseDouble(v);
  }
}
