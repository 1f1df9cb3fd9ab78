package dev.vecdb.bench.replication;

import dev.vecdb.Database;
import dev.vecdb.DatabaseOptions;
import dev.vecdb.Replica;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.kafka.CommitFollower;
import dev.vecdb.kafka.CommitPublisher;
import dev.vecdb.kafka.FollowerOptions;
import dev.vecdb.kafka.PublisherOptions;
import dev.vecdb.kafka.ReplicationState;
import dev.vecdb.store.DiskUsage;
import dev.vecdb.store.SnapshotReport;
import dev.vecdb.vec.LongVec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The {@code replication} runner: what replication through Kafka costs and delivers, measured in one JVM against a
 * real single-node KRaft broker started in it ({@link LocalBroker}), every database on local disk:
 * <ol>
 *   <li>the leader's write slowdown: the same workload of commits ({@code --values} {@code u64} values pushed,
 *   written and flushed per commit) on a database without a commit log, then with one and a publisher running, in
 *   {@code --rounds} alternating rounds;</li>
 *   <li>the lag at a steady rate: the leader commits {@code --rate} commits per second for {@code --seconds},
 *   a follower applies them; per commit, the time from the end of the leader's flush to the follower's database
 *   reaching that commit (p50, p99, max), and the rate the leader actually achieved;</li>
 *   <li>the follower's apply throughput: a new follower applies the whole topic of the previous step, then one of
 *   large commits ({@code --bulk-commits} of {@code --bulk-values} values), from the first commit to the last;</li>
 *   <li>a hot snapshot of a database of {@code --snapshot-gib} GiB of {@code u64} values: time, bytes copied and
 *   the copy's size on disk.</li>
 * </ol>
 *
 * <pre>
 * replication [--commits 2000] [--rounds 3] [--values 100] [--rate 1000] [--seconds 5] [--bulk-commits 100]
 *             [--bulk-values 10000] [--snapshot-gib 1] [--dir tmp] [--out vecdb-bench/results/replication.md]
 * </pre>
 *
 * <p>Single-threaded apart from the publisher's and follower's own threads and the broker's; the broker shares the
 * machine with the workload, and the report says so.
 */
public final class ReplicationCommand {
  private static final long SECOND = 1_000_000_000L;
  /** How long the steady run waits for the follower after the leader's last commit. */
  private static final long FOLLOWER_WAIT_MILLIS = 60_000;

  private ReplicationCommand() {}

  /** Runs every measurement and writes the report; returns the exit status (2 on bad options). */
  public static int run(String... args) throws IOException, InterruptedException {
    ReplicationOptions options;
    try {
      options = ReplicationOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("replication: " + e.getMessage());
      return 2;
    }
    String report = measure(options);
    if (options.out().getParent() != null) {
      Files.createDirectories(options.out().getParent());
    }
    Files.writeString(options.out(), report);
    System.out.println(report);
    System.out.println("replication: results written to " + options.out().toAbsolutePath());
    return 0;
  }

  /** Runs every measurement; returns the Markdown report. */
  static String measure(ReplicationOptions options) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(Files.createDirectories(options.dir()), "vecdb-replication-");
    String loadBefore = loadAverage();
    try (LocalBroker broker = LocalBroker.start()) {
      StringBuilder report = new StringBuilder();
      report.append("# Replication through Kafka\n\n").append("Measured ").append(LocalDateTime.now()
          .truncatedTo(ChronoUnit.SECONDS)).append(" with `java -jar vecdb-bench/target/benchmarks.jar replication ")
          .append(String.join(" ", describe(options))).append("`: ").append(Runtime.getRuntime().availableProcessors())
          .append(" cores, Java ").append(Runtime.version()).append(". One JVM holds the leader, the follower and a ")
          .append("single-node KRaft broker (spring-kafka-test's `EmbeddedKafkaKraftBroker`, Kafka ")
          .append(AppInfoParser.getVersion()).append("), all on local disk; every ")
          .append("flush is durable. Load average before: ").append(loadBefore).append(".\n\n");
      report.append(leaderSlowdown(options, broker, work));
      report.append(steadyLag(options, broker, work));
      report.append(snapshot(options, work));
      report.append("\nLoad average after: ").append(loadAverage()).append(".\n");
      return report.toString();
    } finally {
      delete(work);
    }
  }

  private static List<String> describe(ReplicationOptions o) {
    return List.of("--commits", "" + o.commits(), "--rounds", "" + o.rounds(), "--values", "" + o.values(),
        "--rate", "" + o.rate(), "--seconds", "" + o.seconds(), "--bulk-commits", "" + o.bulkCommits(),
        "--bulk-values", "" + o.bulkValues(), "--snapshot-gib", "" + o.snapshotGib());
  }

  /** One commit: {@code values} values pushed, written and flushed. */
  private static void commit(Database database, LongVec vector, int values) {
    long base = vector.len();
    for (int i = 0; i < values; i++) {
      vector.push(base + i);
    }
    vector.write();
    database.flush();
  }

  private static LongVec open(Database database) {
    return database.longVec("values", NumberType.U64, VecOptions.DEFAULT);
  }

  private static CommitPublisher publisher(Database database, LocalBroker broker, String topic) {
    return CommitPublisher.start(database, PublisherOptions.of(topic, "bench-" + topic, broker.client()));
  }

  private static void awaitPublished(CommitPublisher publisher, long commit) {
    while (publisher.status().commit() < commit) {
      if (publisher.status().state() != ReplicationState.RUNNING) {
        throw new IllegalStateException("the publisher stopped: " + publisher.status());
      }
      LockSupport.parkNanos(100_000);
    }
  }

  private static String leaderSlowdown(ReplicationOptions options, LocalBroker broker, Path work) {
    long[] plain = new long[options.rounds()];
    long[] replicated = new long[options.rounds()];
    long[] published = new long[options.rounds()];
    StringBuilder ratios = new StringBuilder();
    for (int round = 0; round < options.rounds(); round++) {
      try (Database database = Database.open(work.resolve("plain-" + round))) {
        plain[round] = timeCommits(database, options);
      }
      String topic = broker.newTopic("slowdown-" + round);
      try (Database database = Database.open(work.resolve("leader-" + round),
              DatabaseOptions.DEFAULT.withCommitLog(true));
          CommitPublisher publisher = publisher(database, broker, topic)) {
        long start = System.nanoTime();
        replicated[round] = timeCommits(database, options);
        awaitPublished(publisher, database.commitNumber());
        published[round] = System.nanoTime() - start;
      }
      ratios.append(round == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f×",
          (double) replicated[round] / plain[round]));
    }
    long plainMedian = median(plain);
    long replicatedMedian = median(replicated);
    long publishedMedian = median(published);
    long values = (long) options.commits() * options.values();
    return String.format(Locale.ROOT, """
        ## Leader write slowdown

        %,d commits of %,d `u64` values each (push, write, durable flush), as fast as the leader goes, in %d rounds
        (each round: a database without replication, then one with it, both new); medians:

        | leader | time | commits/s | values/s |
        |---|---|---|---|
        | no commit log, no publisher | %s | %,.0f | %,.0f |
        | commit log and publisher running | %s | %,.0f | %,.0f |
        | the same, until the publisher shipped the last commit | %s | %,.0f | %,.0f |

        Slowdown of the leader's writes with replication on: **%.2f×** (median over median; per round: %s).

        """, options.commits(), options.values(), options.rounds(), seconds(plainMedian),
        rate(options.commits(), plainMedian), rate(values, plainMedian), seconds(replicatedMedian),
        rate(options.commits(), replicatedMedian), rate(values, replicatedMedian), seconds(publishedMedian),
        rate(options.commits(), publishedMedian), rate(values, publishedMedian),
        (double) replicatedMedian / plainMedian, ratios);
  }

  /** Nanoseconds {@code options.commits()} commits take in {@code database}. */
  private static long timeCommits(Database database, ReplicationOptions options) {
    LongVec vector = open(database);
    long start = System.nanoTime();
    for (int c = 0; c < options.commits(); c++) {
      commit(database, vector, options.values());
    }
    return System.nanoTime() - start;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String steadyLag(ReplicationOptions options, LocalBroker broker, Path work) throws InterruptedException {
    String topic = broker.newTopic("steady");
    int count = options.rate() * options.seconds();
    long[] committed = new long[count + 1];
    long[] applied = new long[count + 1];
    long elapsed;
    try (Database database = Database.open(work.resolve("steady"), DatabaseOptions.DEFAULT.withCommitLog(true));
        CommitPublisher publisher = publisher(database, broker, topic);
        Replica replica = Replica.open(work.resolve("steady-follower"));
        CommitFollower follower = CommitFollower.start(replica, FollowerOptions.of(topic, broker.client()))) {
      LongVec vector = open(database);
      Thread watcher = Thread.ofPlatform().name("lag-watcher").start(() -> watch(replica.database(), applied));
      long period = SECOND / options.rate();
      long start = System.nanoTime();
      for (int c = 1; c <= count; c++) {
        long due = start + c * period;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        commit(database, vector, options.values());
        committed[(int) database.commitNumber()] = System.nanoTime();
      }
      elapsed = System.nanoTime() - start;
      watcher.join(FOLLOWER_WAIT_MILLIS);
      if (watcher.isAlive()) {
        watcher.interrupt();
        throw new IllegalStateException("the follower did not reach commit " + count + ": follower "
            + follower.status() + ", publisher " + publisher.status());
      }
    }
    long[] lags = new long[count];
    for (int c = 1; c <= count; c++) {
      lags[c - 1] = Math.max(0, applied[c] - committed[c]);
    }
    Arrays.sort(lags);
    String apply = applyThroughput(options, broker, work, topic, count);
    return String.format(Locale.ROOT, """
        ## Lag at a steady rate

        The leader commits %,d `u64` values per commit at a target of %,d commits/s for %d s (it achieved %,.0f
        commits/s); a follower in the same JVM applies them. Lag of a commit: from the end of the leader's flush to
        the follower's database reaching that commit, looked at every 20 µs (%,d commits):

        | p50 | p99 | p99.9 | max |
        |---|---|---|---|
        | %s | %s | %s | %s |

        %s""", options.values(), options.rate(), options.seconds(), rate(count, elapsed), count,
        millis(lags[count / 2]), millis(lags[(int) (count * 0.99)]), millis(lags[(int) (count * 0.999)]),
        millis(lags[count - 1]), apply);
  }

  /**
   * Follows the follower's commit number, stamping the time each commit is first seen (until the last); it looks
   * every 20 µs (parked, not spinning, so that it takes no core from the leader, the broker and the follower), so a
   * lag is late by up to that plus the timer's slack.
   */
  private static void watch(Database follower, long[] applied) {
    int last = applied.length - 1;
    int seen = 0;
    while (seen < last) {
      long now = System.nanoTime();
      int reached = (int) follower.commitNumber();
      for (int c = seen + 1; c <= reached; c++) {
        applied[c] = now;
      }
      seen = Math.max(seen, reached);
      LockSupport.parkNanos(20_000);
    }
  }

  private static String applyThroughput(ReplicationOptions options, LocalBroker broker, Path work, String steadyTopic,
      int steadyCommits) {
    String bulkTopic = broker.newTopic("bulk");
    try (Database database = Database.open(work.resolve("bulk"), DatabaseOptions.DEFAULT.withCommitLog(true));
        CommitPublisher publisher = publisher(database, broker, bulkTopic)) {
      LongVec vector = open(database);
      for (int c = 0; c < options.bulkCommits(); c++) {
        commit(database, vector, options.bulkValues());
      }
      awaitPublished(publisher, database.commitNumber());
    }
    long small = timeFollowing(broker, work.resolve("apply-small"), steadyTopic, steadyCommits);
    long large = timeFollowing(broker, work.resolve("apply-bulk"), bulkTopic, options.bulkCommits());
    return String.format(Locale.ROOT, """
        ## Follower apply throughput

        A new follower applies a whole topic, from its first commit to its last (read from the broker, reassembled,
        checked, applied and flushed with its commit number, one commit at a time):

        | topic | commits | values | time | commits/s | values/s |
        |---|---|---|---|---|---|
        | the steady run's | %,d | %,d each | %s | %,.0f | %,.0f |
        | large commits | %,d | %,d each | %s | %,.0f | %,.0f |

        """, steadyCommits, options.values(), seconds(small), rate(steadyCommits, small),
        rate((long) steadyCommits * options.values(), small), options.bulkCommits(), options.bulkValues(),
        seconds(large), rate(options.bulkCommits(), large),
        rate((long) options.bulkCommits() * options.bulkValues(), large));
  }

  /** Nanoseconds a new follower takes to apply the {@code commits} commits of {@code topic}. */
  private static long timeFollowing(LocalBroker broker, Path directory, String topic, int commits) {
    try (Replica replica = Replica.open(directory)) {
      long start = System.nanoTime();
      try (CommitFollower follower = CommitFollower.start(replica, FollowerOptions.of(topic, broker.client()))) {
        while (replica.database().commitNumber() < commits) {
          if (follower.status().state() != ReplicationState.RUNNING) {
            throw new IllegalStateException("the follower stopped: " + follower.status());
          }
          LockSupport.parkNanos(100_000);
        }
        return System.nanoTime() - start;
      }
    }
  }

  private static String snapshot(ReplicationOptions options, Path work) throws IOException {
    long values = (long) (options.snapshotGib() * (1L << 30) / Long.BYTES);
    Path source = work.resolve("large");
    Path copy = work.resolve("large-snapshot");
    SnapshotReport report;
    long nanos;
    long sourceAllocated;
    try (Database database = Database.open(source)) {
      LongVec vector = open(database);
      for (long i = 0; i < values; i++) {
        vector.push(i * 0x9E3779B97F4A7C15L);
      }
      vector.write();
      database.flush();
      sourceAllocated = allocated(database);
      long start = System.nanoTime();
      report = database.snapshot(copy);
      nanos = System.nanoTime() - start;
    }
    long copyAllocated;
    try (Database snapshot = Database.open(copy, DatabaseOptions.DEFAULT.withReadOnly(true))) {
      copyAllocated = allocated(snapshot);
    }
    return String.format(Locale.ROOT, """
        ## Hot snapshot

        A database of %,d `u64` values in `BYTES` format (%.2f GiB of values; %s allocated on disk), snapshot with
        `Database.snapshot` into an empty directory on the same file system:

        | time | bytes copied | copy on disk | MB/s copied |
        |---|---|---|---|
        | %s | %,d | %s | %,.0f |
        """, values, values * 8.0 / (1L << 30), gib(sourceAllocated), seconds(nanos), report.copiedBytes(),
        gib(copyAllocated), report.copiedBytes() / 1e6 / (nanos / 1e9));
  }

  /** Bytes the database's files occupy on disk (allocated blocks; their logical size without native access). */
  private static long allocated(Database database) {
    DiskUsage usage = database.diskUsage();
    return usage.allocatedBytes() >= 0 ? usage.allocatedBytes() : usage.logicalBytes();
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static double rate(long count, long nanos) {
    return count * 1e9 / nanos;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.3f GiB", bytes / (double) (1L << 30));
  }
}
