package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reader soak (issue 13): 64 reader threads, shared and private readers, against one writer per format that
 * pushes, updates, deletes, truncates into pages, rewrites pages, rolls back and writes, stamped-writes with changes
 * and flushes. Every read must equal what one published state gives; no read may exceed its deadline; no read may
 * throw. The suite runs a short form; the long one is
 * {@code ./mvnw -B -pl vecdb-core test -Dtest=ReaderSoakTest#soak -Dvecdb.soak.seconds=150}.
 */
class ReaderSoakTest {
  private static final int READERS = 64;
  private static final Duration DEADLINE = Duration.ofSeconds(Long.getLong("vecdb.soak.deadline.seconds", 30));

  @TempDir Path dir;

  @Test
  void soak() throws InterruptedException {
    Duration duration = Duration.ofSeconds(Long.getLong("vecdb.soak.seconds", 6));
    ReaderSoak.Result result = ReaderSoak.run(dir, List.of(Format.values()), READERS, false, duration, DEADLINE);
    System.out.println("reader soak over " + duration.toSeconds() + " s, every format: " + result);
    assertThat(result.problems()).isEmpty();
    assertThat(result.inconsistent()).isZero();
    assertThat(result.stuck()).isZero();
    assertThat(result.unexpected()).isZero();
    assertThat(result.reads()).as("reads made").isGreaterThan(READERS);
    assertThat(result.writerRounds()).as("writer rounds").isGreaterThan(Format.values().length);
  }

  /** Issue 13 item 3: one reader shared by 64 threads while the writer works. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void sixtyFourThreadsShareOneReader(Format format) throws InterruptedException {
    ReaderSoak.Result result = ReaderSoak.run(dir, List.of(format), READERS, true, Duration.ofMillis(1_000),
        DEADLINE);
    assertThat(result.problems()).isEmpty();
    assertThat(result.inconsistent()).isZero();
    assertThat(result.unexpected()).isZero();
    assertThat(result.reads()).as("reads made").isGreaterThan(READERS);
    assertThat(result.writerRounds()).as("writer rounds").isPositive();
  }
}
