package dev.vecdb.bench.replication;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the {@code replication} runner ({@link ReplicationCommand} lists the options and their
 * defaults). Immutable.
 */
record ReplicationOptions(int commits, int rounds, int values, int rate, int seconds, int bulkCommits, int bulkValues,
    double snapshotGib, Path dir, Path out) {
  /**
   * Parses {@code --option value} pairs; absent options take their defaults.
   *
   * @throws IllegalArgumentException (a {@link NumberFormatException} too) naming what is wrong
   */
  static ReplicationOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    ReplicationOptions options = new ReplicationOptions(Integer.parseInt(given.getOrDefault("commits", "2000")),
        Integer.parseInt(given.getOrDefault("rounds", "3")),
        Integer.parseInt(given.getOrDefault("values", "100")), Integer.parseInt(given.getOrDefault("rate", "1000")),
        Integer.parseInt(given.getOrDefault("seconds", "5")),
        Integer.parseInt(given.getOrDefault("bulk-commits", "100")),
        Integer.parseInt(given.getOrDefault("bulk-values", "10000")),
        Double.parseDouble(given.getOrDefault("snapshot-gib", "1")),
        Path.of(given.getOrDefault("dir", System.getProperty("java.io.tmpdir"))),
        Path.of(given.getOrDefault("out", "vecdb-bench/results/replication.md")));
    given.keySet().removeAll(Set.of("commits", "rounds", "values", "rate", "seconds", "bulk-commits",
        "bulk-values", "snapshot-gib", "dir", "out"));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + given.keySet());
    }
    return options;
  }
}
