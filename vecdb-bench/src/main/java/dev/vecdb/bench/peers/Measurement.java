package dev.vecdb.bench.peers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * What one engine's child JVM measured: nanoseconds per {@link Step} (absent when the step did not run), disk usage
 * after close, and the error that stopped it, if any. Written by the child as a properties file, read by the parent.
 * Not thread-safe.
 */
final class Measurement {
  final Engine engine;
  final Map<Step, Long> nanos = new EnumMap<>(Step.class);
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
    }
    m.error = p.getProperty("error");
    return m;
  }
}
