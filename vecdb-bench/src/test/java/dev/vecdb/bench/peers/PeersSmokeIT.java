package dev.vecdb.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke run of the peer runner: every engine, each in two fresh child JVMs with its flags, on 20,000 values
 * and one repetition. Proves that every peer's natives load on this platform, that every engine's reads return the
 * checked sums, and that the report is written; the numbers themselves mean nothing at this size.
 */
class PeersSmokeIT {

  @Test
  void everyEngineRunsEveryStepAndTheReportIsWritten(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("results").resolve("peers-smoke.md");
    PeersOptions options = PeersOptions.parse("--n", "20k", "--procs", "2", "--reps", "1", "--warmup", "0", "--threads", "2",
        "--dir", tmp.resolve("work").toString(), "--out", out.toString());

    List<Measurement> measurements = PeersCommand.runAndWrite(options);

    assertThat(measurements).extracting(m -> m.engine).containsExactly(Engine.values());
    for (Measurement m : measurements) {
      assertThat(m.error).as(m.engine.id()).isNull();
      for (Step step : Step.values()) {
        assertThat(m.nanos(step)).as(m.engine.id() + " " + step).isPositive();
      }
      assertThat(m.diskLogical).as(m.engine.id() + " disk").isPositive();
      assertThat(m.runs).as(m.engine.id() + " processes").hasSize(2);
      assertThat(m.faults.get(Step.WRITE_MEMORY)).as(m.engine.id() + " faults of the write").isPositive();
    }
    assertThat(Files.list(tmp.resolve("work"))).as("child stores are deleted").isEmpty();

    String report = Files.readString(out);
    for (Engine engine : Engine.values()) {
      assertThat(report).contains("| " + engine.label + " | ");
    }
    assertThat(report).contains("| 1.00× |", "Load average", "## Targets").doesNotContain("failed");
  }
}
