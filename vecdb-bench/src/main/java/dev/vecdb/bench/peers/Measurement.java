package dev.vecdb.bench.peers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * What one engine's child JVM measured: nanoseconds per {@link Step} (absent when the step did not run), the minor
 * page faults of each step and the 1-minute load when it started, disk usage after close, and the error that stopped
 * it, if any. Written by the child as a properties file, read by the parent, which reports the {@link #median} of an
 * engine's processes. Not thread-safe.
 */
final class Measurement {
  final Engine engine;
  final Map<Step, Long> nanos = new EnumMap<>(Step.class);
  final Map<Step, Long> faults = new EnumMap<>(Step.class);
  final Map<Step, Double> load = new EnumMap<>(Step.class);
  /** The processes this measurement is the median of (itself for a single process). */
  List<Measurement> runs = List.of(this);
  long values;
  long pointReads;
  int threads;
  long diskAllocated = -1;
  long diskLogical = -1;
  String error;

  Measurement(Engine engine) {
    this.engine = engine;
  }

  /** The nanoseconds of {@code step}, or -1 when it did not run. */
  long nanos(Step step) {
    return nanos.getOrDefault(step, -1L);
  }

  /**
   * The median over {@code runs} (processes of one engine): per step, the median time, faults and load (the lower
   * middle one for an even count) over the processes that ran the step; disk usage of the first; the first error.
   */
  static Measurement median(List<Measurement> runs) {
    Measurement first = runs.get(0);
    Measurement m = new Measurement(first.engine);
    m.values = first.values;
    m.pointReads = first.pointReads;
    m.threads = first.threads;
    m.diskAllocated = first.diskAllocated;
    m.diskLogical = first.diskLogical;
    m.runs = List.copyOf(runs);
    for (Step step : Step.values()) {
      medianOf(runs, r -> r.nanos.get(step)).ifPresent(v -> m.nanos.put(step, v));
      medianOf(runs, r -> r.faults.get(step)).ifPresent(v -> m.faults.put(step, v));
      medianOf(runs, r -> r.load.get(step)).ifPresent(v -> m.load.put(step, v));
    }
    m.error = runs.stream().map(r -> r.error).filter(Objects::nonNull).findFirst().orElse(null);
    return m;
  }

  private static <T extends Comparable<T>> Optional<T> medianOf(List<Measurement> runs, Function<Measurement, T> v) {
    List<T> values = runs.stream().map(v).filter(Objects::nonNull).sorted().toList();
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get((values.size() - 1) / 2));
  }

  /** How many values or reads {@code step} covers: N, N/100, or threads × N/100. */
  long operations(Step step) {
    if (step == Step.OPEN) {
      return 1;
    }
    if (!step.pointReads) {
      return values;
    }
    return step == Step.RANDOM_ALL_CORES ? pointReads * threads : pointReads;
  }

  void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("engine", engine.id());
    p.setProperty("values", Long.toString(values));
    p.setProperty("point.reads", Long.toString(pointReads));
    p.setProperty("threads", Integer.toString(threads));
    p.setProperty("disk.allocated", Long.toString(diskAllocated));
    p.setProperty("disk.logical", Long.toString(diskLogical));
    nanos.forEach((step, ns) -> p.setProperty(step.key(), Long.toString(ns)));
    faults.forEach((step, f) -> p.setProperty(step.key("minflt"), Long.toString(f)));
    load.forEach((step, l) -> p.setProperty(step.key("load"), Double.toString(l)));
    if (error != null) {
      p.setProperty("error", error);
    }
    try (Writer out = Files.newBufferedWriter(file)) {
      p.store(out, "vecdb-bench peer measurement");
    }
  }

  static Measurement read(Engine engine, Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    Measurement m = new Measurement(engine);
    m.values = Long.parseLong(p.getProperty("values", "0"));
    m.pointReads = Long.parseLong(p.getProperty("point.reads", "0"));
    m.threads = Integer.parseInt(p.getProperty("threads", "0"));
    m.diskAllocated = Long.parseLong(p.getProperty("disk.allocated", "-1"));
    m.diskLogical = Long.parseLong(p.getProperty("disk.logical", "-1"));
    for (Step step : Step.values()) {
      String ns = p.getProperty(step.key());
      if (ns != null) {
        m.nanos.put(step, Long.parseLong(ns));
      }
      String f = p.getProperty(step.key("minflt"));
      if (f != null) {
        m.faults.put(step, Long.parseLong(f));
      }
      String l = p.getProperty(step.key("load"));
      if (l != null) {
        m.load.put(step, Double.parseDouble(l));
      }
    }
    m.error = p.getProperty("error");
    return m;
  }
}
