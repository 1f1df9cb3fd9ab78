package dev.vecdb.bench.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI form of the replication runner: every measurement on a small load (2 rounds of 100 leader commits, one
 * second at 200 commits/s, 20 large commits, a 16 MiB snapshot) against the broker it starts. Proves that every step
 * runs to its end (the follower reaches every commit, the publisher ships every one) and that the report is written;
 * the numbers mean nothing at this size.
 */
class ReplicationSmokeIT {

  @Test
  void everyMeasurementRunsAndTheReportIsWritten(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("results").resolve("replication-smoke.md");
    int status = ReplicationCommand.run("--commits", "100", "--rounds", "2", "--rate", "200", "--seconds", "1",
        "--bulk-commits", "20", "--bulk-values", "5000", "--snapshot-gib", "0.015625",
        "--dir", tmp.resolve("work").toString(), "--out", out.toString());

    assertThat(status).isZero();
    String report = Files.readString(out);
    assertThat(report).contains("## Leader write slowdown", "## Lag at a steady rate", "## Follower apply throughput",
        "## Hot snapshot", "| 200 | 100 each |", "| 20 | 5,000 each |", "Load average after");
    assertThat(report)
        .containsPattern("Slowdown of the leader's writes with replication on: \\*\\*\\d+\\.\\d\\d×\\*\\*");
    assertThat(report).contains("A database of 2,097,152 `u64` values");
    assertThat(Files.list(tmp.resolve("work"))).as("the runner deletes its databases").isEmpty();
  }

  @Test
  void badOptionsAreRefused() throws Exception {
    assertThat(ReplicationCommand.run("--rate")).isEqualTo(2);
    assertThat(ReplicationCommand.run("--speed", "3")).isEqualTo(2);
  }
}
