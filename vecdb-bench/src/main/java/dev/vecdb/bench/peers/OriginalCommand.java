package dev.vecdb.bench.peers;

import dev.vecdb.Format;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code original} runner: the Rust original's workload ({@code rust-baseline.md}) on every selected format,
 * each run a fresh child JVM ({@link OriginalWorkload}), rounds interleaved (every format once, then again), then a
 * table with the rows of the baseline's "Side by side" section: medians over the processes with their spread, the
 * minor page faults and the load of each step, and the Rust figures with the ratio.
 *
 * <pre>
 * original [--n 10M] [--runs 5] [--formats bytes,zero-copy,pco,lz4,zstd] [--warmup-runs 8] [--dir tmp] [--out file]
 * </pre>
 *
 * <p>Stateless; a run uses the calling thread and blocks until every child JVM has ended.
 */
public final class OriginalCommand {
  private OriginalCommand() {}

  /** The parsed command line. */
  record Options(long n, int runs, List<Format> formats, int warmUpRuns, Path workDir, Path out) {}

  /** Runs the workload; returns the process exit status (0 once the report is written, 2 on bad options). */
  public static int run(String... args) throws IOException, InterruptedException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("original: " + e.getMessage());
      return 2;
    }
    Map<Format, List<Properties>> results = new EnumMap<>(Format.class);
    List<String> loads = new ArrayList<>();
    for (int round = 1; round <= options.runs(); round++) {
      loads.add(Machine.loadAverage());
      for (Format format : options.formats()) {
        System.out.printf("original: round %d of %d, %s, N=%,d ...%n", round, options.runs(), format, options.n());
        Properties p = runChild(format, options);
        if (p.getProperty("error") != null) {
          System.out.println("original: " + format + " FAILED: " + p.getProperty("error"));
        }
        results.computeIfAbsent(format, f -> new ArrayList<>()).add(p);
      }
    }
    String report = OriginalReport.render(options, results, loads, Machine.loadAverage());
    if (options.out().getParent() != null) {
      Files.createDirectories(options.out().getParent());
    }
    Files.writeString(options.out(), report);
    System.out.println(report);
    System.out.println("original: results written to " + options.out().toAbsolutePath());
    return 0;
  }

  private static Properties runChild(Format format, Options options) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(Files.createDirectories(options.workDir()), "vecdb-original-");
    Path log = dir.resolve("child.log");
    Path resultFile = dir.resolve("result.properties");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Engine.COMMON_FLAGS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), OriginalWorkload.class.getName(),
        format.name(), Long.toString(options.n()), Integer.toString(options.warmUpRuns()), dir.toString(),
        resultFile.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int status = child.waitFor();
    try {
      Properties p = new Properties();
      if (Files.exists(resultFile)) {
        try (Reader in = Files.newBufferedReader(resultFile)) {
          p.load(in);
        }
      }
      if (status != 0 && p.getProperty("error") == null) {
        p.setProperty("error", "child JVM exited with " + status);
      }
      return p;
    } finally {
      DiskUsage.delete(dir);
    }
  }

  static Options parse(String... args) {
    long n = PeersOptions.DEFAULT_N;
    int runs = 5;
    List<Format> formats = List.of(Format.BYTES, Format.ZERO_COPY, Format.PCO, Format.LZ4, Format.ZSTD);
    int warmUpRuns = 8;
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
    Path out = null;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--n" -> n = PeersOptions.parseCount(value);
        case "--runs" -> runs = Integer.parseInt(value);
        case "--formats" -> formats = Arrays.stream(value.split(","))
            .map(f -> Format.valueOf(f.trim().toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
        case "--warmup-runs" -> warmUpRuns = Integer.parseInt(value);
        case "--dir" -> workDir = Path.of(value);
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: original [--n 10M]"
            + " [--runs 5] [--formats bytes,zero-copy,pco,lz4,zstd] [--warmup-runs 8] [--dir DIR] [--out FILE]");
      }
    }
    if (n < 1_000 || runs < 1 || warmUpRuns < 0) {
      throw new IllegalArgumentException("need --n >= 1000, --runs >= 1 and --warmup-runs >= 0");
    }
    if (out == null) {
      out = Path.of("vecdb-bench", "results", "original-" + PeersOptions.label(n) + ".md");
    }
    return new Options(n, runs, formats, warmUpRuns, workDir, out);
  }
}
