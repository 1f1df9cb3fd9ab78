package dev.vecdb.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke run of the {@code original} runner: a raw and a paged format, two fresh child JVMs each, on 20,000
 * values. Proves that every step of the Rust original's workload runs and passes its checks, that faults and load are
 * recorded, that the report is written with every row, and that the children leave nothing behind; the numbers mean
 * nothing at this size.
 */
class OriginalSmokeIT {

  @Test
  void everyStepRunsInFreshProcessesAndTheReportIsWritten(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("original-smoke.md");
    Path work = tmp.resolve("work");

    int status = OriginalCommand.run("--n", "20k", "--runs", "2", "--warmup-runs", "1", "--formats", "bytes,pco",
        "--dir", work.toString(), "--out", out.toString());

    assertThat(status).isZero();
    String report = Files.readString(out);
    assertThat(report).doesNotContain("failed").contains("--runs 2", "| BYTES | push (ns/value) | ",
        "| PCO | sorted multi-read (ns/read) | ", "| PCO | reopen, JIT-compiled (ms) | ", "| PCO | region payload (bytes) | ");
    for (String line : report.lines().filter(l -> l.startsWith("| BYTES | push (ns/value)")).toList()) {
      String faults = line.split("\\|")[4].trim();
      assertThat(Long.parseLong(faults.replace(",", ""))).as("faults of the push").isPositive();
    }
    try (var left = Files.list(work)) {
      assertThat(left).as("child work directories are deleted").isEmpty();
    }
  }
}
