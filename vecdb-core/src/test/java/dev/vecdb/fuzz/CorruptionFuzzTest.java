package dev.vecdb.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corruption fuzz ({@link CorruptionFuzz}) as a test: {@value #DEFAULT_TRIALS} trials in the normal build; the
 * long run is {@code ./mvnw -B -pl vecdb-core test -Dtest=CorruptionFuzzTest -Dvecdb.fuzz.trials=10000}. Rerun
 * one trial with {@code -Dvecdb.fuzz.seed=N -Dvecdb.fuzz.trials=1} (the seed a failure names). Prints the counts by
 * outcome.
 */
class CorruptionFuzzTest {
  private static final int DEFAULT_TRIALS = 250;
  private static final long BASE_SEED = 20_261_207L;

  @TempDir Path dir;

  @Test
  void damagedDatabasesReadCorrectlyOrFailWithANamedException() {
    int trials = Integer.getInteger("vecdb.fuzz.trials", DEFAULT_TRIALS);
    Long only = Long.getLong("vecdb.fuzz.seed");
    CorruptionFuzz fuzz = new CorruptionFuzz(dir);
    CorruptionFuzz.Report report = only != null ? fuzz.run(only, 0, trials) : fuzz.run(BASE_SEED, 0, trials);
    System.out.println("corruption fuzz: " + report);
    assertThat(report.failures()).as(report.toString()).isEmpty();
    assertThat(report.correct()).as("some damage leaves every value readable").isPositive();
    assertThat(report.named()).as("some damage is reported").isNotEmpty();
  }
}
