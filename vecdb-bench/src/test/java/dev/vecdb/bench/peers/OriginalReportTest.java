package dev.vecdb.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Format;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OriginalReportTest {

  private static Properties run(long pushNanos, long faults, double load) {
    Properties p = new Properties();
    for (OriginalStep step : OriginalStep.values()) {
      p.setProperty(step.key() + ".ns", "1000000");
      p.setProperty(step.key() + ".minflt", "7");
      p.setProperty(step.key() + ".load", "0.25");
    }
    p.setProperty("push.ns", Long.toString(pushNanos));
    p.setProperty("push.minflt", Long.toString(faults));
    p.setProperty("push.load", Double.toString(load));
    p.setProperty("payload.bytes", "80000064");
    p.setProperty("disk.allocated", "80003072");
    return p;
  }

  @Test
  void rowsGiveTheMedianOverTheProcessesTheSpreadFaultsLoadAndTheRatioToRust() {
    OriginalCommand.Options options = OriginalCommand.parse("--runs", "3", "--formats", "bytes");
    Properties failed = new Properties();
    failed.setProperty("error", "IllegalStateException: BYTES: first fold is 1, expected 2");
    String report = OriginalReport.render(options, Map.of(Format.BYTES, List.of(run(200_000_000, 30_000, 1.2),
        run(100_000_000, 10_000, 0.4), run(157_000_000, 20_000, 0.8))), List.of("0.40, 0.30, 0.20"), "1.00");

    // 10 M values: 10, 15.7 and 20 ns/value; Rust pushes at 31.4
    assertThat(report).contains(
        "| BYTES | push (ns/value) | 15.7 (10.0–20.0) | 20,000 | 0.800 | 31.4 | 0.500× |",
        "| BYTES | push + write (ns/value) | 15.8 (10.1–20.1) | 20,007 | 0.800 | 80.3 | 0.197× |",
        "| BYTES | durable flush: vec.flush() + db.flush() after write() (ms) | 2.00 | 14 | 0.250 | 240 | 0.008× |",
        "| BYTES | reopen, JIT-compiled (ms) | 1.00 | 7 | 0.250 | 0.290 | 3.45× |",
        "| BYTES | region payload (bytes) | 80,000,064 | – | – | – | – |",
        "--runs 3", "0.40, 0.30, 0.20");
    String withFailure = OriginalReport.render(options, Map.of(Format.BYTES, List.of(failed)), List.of(), "1.00");
    assertThat(withFailure).contains("| BYTES | push (ns/value) | failed |",
        "- **BYTES failed**: IllegalStateException: BYTES: first fold is 1, expected 2");
  }

  @Test
  void badOptionsAreRejectedWithTheUsage() {
    assertThatThrownBy(() -> OriginalCommand.parse("--size", "1")).hasMessageContaining("usage: original");
    assertThatThrownBy(() -> OriginalCommand.parse("--formats", "parquet")).isInstanceOf(IllegalArgumentException.class);
    assertThat(OriginalCommand.parse("--n", "1M").out().toString()).endsWith("original-1M.md");
  }
}
