package dev.vecdb.bench.peers;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The runner's command line.
 *
 * <pre>
 * peers [--n 10M] [--engines ffm,vecdb-bytes,...] [--procs 3] [--reps 5] [--warmup 3] [--threads cores]
 *       [--dir tmp] [--out file]
 * </pre>
 *
 * <p>{@code --n} takes a count with an optional {@code k}/{@code M} suffix ({@code 100M} for the long run).
 *
 * @param n values per engine
 * @param engines the engines to run, in table order
 * @param processes fresh child JVMs per engine (the report gives their median and spread)
 * @param repetitions repetitions of the warm linear and random reads (the median is reported)
 * @param warmUpSeconds how long the reads run untimed before the repetitions
 * @param threads reader threads of the all-cores random reads
 * @param workDir where the child JVMs create their stores (must be a disk file system, not tmpfs)
 * @param out the Markdown results file
 */
record PeersOptions(long n, List<Engine> engines, int processes, int repetitions, int warmUpSeconds, int threads,
    Path workDir, Path out) {

  static final long DEFAULT_N = 10_000_000;

  static PeersOptions parse(String... args) {
    long n = DEFAULT_N;
    List<Engine> engines = List.of(Engine.values());
    int processes = 3;
    int repetitions = 5;
    int warmUpSeconds = 3;
    int threads = Runtime.getRuntime().availableProcessors();
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--n" -> n = parseCount(value);
        case "--engines" -> engines = Arrays.stream(value.split(",")).map(String::trim).map(Engine::byId).toList();
        case "--procs" -> processes = Integer.parseInt(value);
        case "--reps" -> repetitions = Integer.parseInt(value);
        case "--warmup" -> warmUpSeconds = Integer.parseInt(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--dir" -> workDir = Path.of(value);
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; usage: peers [--n 10M] [--engines ffm,vecdb-bytes,...] [--procs 3] [--reps 5] [--warmup 3]"
            + " [--threads N] [--dir DIR] [--out FILE]");
      }
      i++;
    }
    if (n < 100 || processes < 1 || repetitions < 1 || warmUpSeconds < 0 || threads < 1) {
      throw new IllegalArgumentException(
          "need --n >= 100, --procs >= 1, --reps >= 1, --warmup >= 0 and --threads >= 1");
    }
    if (out == null) {
      out = Path.of("vecdb-bench", "results", "peers-" + label(n) + ".md");
    }
    return new PeersOptions(n, engines, processes, repetitions, warmUpSeconds, threads, workDir, out);
  }

  /** {@code 10M}, {@code 100k}, or the plain number when it is not a round multiple. */
  static String label(long n) {
    if (n % 1_000_000 == 0) {
      return n / 1_000_000 + "M";
    }
    return n % 1_000 == 0 ? n / 1_000 + "k" : Long.toString(n);
  }

  static long parseCount(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
    if (t.endsWith("m")) {
      return Long.parseLong(t.substring(0, t.length() - 1)) * 1_000_000;
    }
    if (t.endsWith("k")) {
      return Long.parseLong(t.substring(0, t.length() - 1)) * 1_000;
    }
    return Long.parseLong(t);
  }
}
