package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13 items 7 and 8: a reopen never changes what a rollback does (the change-tracking baseline is as durable as
 * the data), and a rollback's write removes the change sets it consumed, so they no longer count against the
 * retention limit. Every scenario runs twice on real files — once straight through, once with a flush, close and
 * reopen at each marked point — and both runs must end identically.
 */
class DurableRollbackTest {
  @TempDir Path dir;

  /** One scenario: {@code body} mutates and marks reopen points with {@code Run.reopen()}. */
  private final class Run {
    private final Format format;
    private final int kept;
    private final boolean reopens;
    private final Path path;
    private Database db;
    LongVec v;

    Run(Format format, int kept, boolean reopens) {
      this.format = format;
      this.kept = kept;
      this.reopens = reopens;
      this.path = dir.resolve(format + (reopens ? "-reopens" : "-straight"));
      open();
    }

    private void open() {
      db = Database.open(path);
      v = db.longVec("v", NumberType.I64, VecOptions.of(format).withSavedStampedChanges(kept));
    }

    /** Flushes; with reopens, also closes and reopens. */
    void reopen() {
      v.flush();
      if (reopens) {
        db.close();
        open();
      }
    }

    /** Values (holes as null), stamp and change stamps. */
    String state() {
      return Arrays.stream(v.collectHoled(0, v.len()))
          .map(o -> o.isPresent() ? String.valueOf(o.getAsLong()) : "null").toList() + " stamp " + v.stamp() + " sets " + v.changeStamps();
    }

    void close() {
      db.close();
    }
  }

  /**
   * Runs {@code scenario} with and without reopens, checks that both observed the same states, and returns them.
   */
  private List<String> bothWays(Format format, int kept, Function<Run, List<String>> scenario) {
    List<String> straight = once(format, kept, false, scenario);
    List<String> reopened = once(format, kept, true, scenario);
    assertThat(reopened).as("the same scenario with reopens").isEqualTo(straight);
    return straight;
  }

  private List<String> once(Format format, int kept, boolean reopens, Function<Run, List<String>> scenario) {
    Run run = new Run(format, kept, reopens);
    try {
      return scenario.apply(run);
    } finally {
      run.close();
    }
  }

  /** Rolls back once: the stamp reached and the state. */
  private static String rolledBack(Run r) {
    long reached = r.v.rollback();
    return reached + " " + r.state();
  }

  private static void push(LongVec v, long... values) {
    for (long value : values) {
      v.push(value);
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void flushedUnstampedChangesAreUndoneAfterAReopen(Format format) {
    List<String> states = bothWays(format, 4, r -> {
      push(r.v, 10, 11);
      r.v.stampedWriteWithChanges(1);
      r.v.update(0, 77);
      r.v.push(30);
      r.reopen();
      r.v.stampedWriteWithChanges(2);
      return List.of(rolledBack(r));
    });
    assertThat(states).containsExactly("1 [10, 11] stamp 1 sets [1]");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void flushedUnstampedTruncationIsUndoneAfterAReopen(Format format) {
    List<String> states = bothWays(format, 4, r -> {
      push(r.v, 10, 11);
      r.v.stampedWriteWithChanges(1);
      r.v.push(30);
      r.v.stampedWriteWithChanges(2);
      r.v.truncate(1);
      r.reopen();
      long first = r.v.rollback();
      String afterFirst = r.state();
      r.reopen();
      long second = r.v.rollback();
      return List.of(first + " " + afterFirst, second + " " + r.state());
    });
    assertThat(states).containsExactly("1 [10, 11] stamp 1 sets [1]", "0 [] stamp 0 sets []");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void changesSpreadOverSeveralReopensAreUndoneTogether(Format format) {
    List<String> states = bothWays(format, 4, r -> {
      push(r.v, 1, 2, 3, 4, 5);
      r.v.stampedWriteWithChanges(1);
      r.v.update(1, 20);
      r.reopen();
      if (format.isRaw()) {
        r.v.delete(3);
      } else {
        r.v.update(3, 40);
      }
      r.v.truncate(4);
      r.reopen();
      push(r.v, 6, 7);
      r.v.update(1, 21);
      r.reopen();
      r.v.stampedWriteWithChanges(2);
      String two = r.state();
      r.reopen();
      r.v.rollback();
      String one = r.state();
      r.reopen();
      return List.of(two, one, r.state());
    });
    String written = format.isRaw() ? "[1, 21, 3, null, 6, 7] stamp 2 sets [1, 2]"
        : "[1, 21, 3, 40, 6, 7] stamp 2 sets [1, 2]";
    assertThat(states).containsExactly(written, "[1, 2, 3, 4, 5] stamp 1 sets [1]",
        "[1, 2, 3, 4, 5] stamp 1 sets [1]");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void unstampedChangesAfterARollbackAreUndoneAfterAReopen(Format format) {
    List<String> states = bothWays(format, 4, r -> {
      push(r.v, 1, 2);
      r.v.stampedWriteWithChanges(1);
      push(r.v, 3);
      r.v.stampedWriteWithChanges(2);
      r.v.rollback();
      r.v.update(0, 100);
      r.v.push(200);
      r.reopen();
      return List.of(rolledBack(r));
    });
    assertThat(states).containsExactly("0 [] stamp 0 sets []");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aRolledBackChangeSetNoLongerCountsAgainstRetention(Format format) {
    List<String> states = bothWays(format, 4, r -> {
      for (long stamp = 1; stamp <= 5; stamp++) {
        r.v.push(stamp);
        r.v.stampedWriteWithChanges(stamp);
      }
      String five = r.state();
      r.v.rollback();
      r.reopen();
      String four = r.state();
      r.v.push(60);
      r.v.stampedWriteWithChanges(6);
      String six = r.state();
      r.reopen();
      StringBuilder walk = new StringBuilder();
      for (int k = 0; k < 4; k++) {
        walk.append(r.v.rollback()).append(' ');
        r.reopen();
      }
      return List.of(five, four, six, walk + r.state());
    });
    assertThat(states).containsExactly("[1, 2, 3, 4, 5] stamp 5 sets [2, 3, 4, 5]",
        "[1, 2, 3, 4] stamp 4 sets [2, 3, 4]", "[1, 2, 3, 4, 60] stamp 6 sets [2, 3, 4, 6]",
        "4 3 2 1 [1] stamp 1 sets []");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aRollbackNotYetWrittenKeepsItsChangeSetThroughADatabaseFlush(Format format) {
    Run run = new Run(format, 4, true);
    try {
      push(run.v, 1);
      run.v.stampedWriteWithChanges(1);
      push(run.v, 2);
      run.v.stampedWriteWithChanges(2);
      run.v.flush();
      assertThat(run.v.rollback()).isEqualTo(1);
      assertThat(run.v.changeStamps()).as("consumed, not yet removed").containsExactly(1L);
      run.db.flush();
      run.db.close();
      run.open();
      assertThat(run.state()).as("the rollback was never written: the vector and its change sets are as flushed")
          .isEqualTo("[1, 2] stamp 2 sets [1, 2]");
      assertThat(run.v.rollback()).isEqualTo(1);
      run.v.flush();
      run.db.close();
      run.open();
      assertThat(run.state()).isEqualTo("[1] stamp 1 sets [1]");
    } finally {
      run.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void rollbackAfterRollbackStillWalksTheChain(Format format) {
    List<String> states = bothWays(format, 10, r -> {
      push(r.v, 0, 1, 2);
      r.v.stampedWriteWithChanges(1);
      r.v.update(1, 10);
      r.v.stampedWriteWithChanges(2);
      r.v.update(1, 11);
      r.v.stampedWriteWithChanges(3);
      r.v.rollback();
      r.v.rollback();
      String one = r.state();
      r.reopen();
      r.v.update(1, 12);
      r.v.stampedWriteWithChanges(2);
      r.reopen();
      r.v.rollback();
      return List.of(one, r.state());
    });
    assertThat(states).as("consumed change sets are gone at once").containsExactly("[0, 1, 2] stamp 1 sets [1]",
        "[0, 1, 2] stamp 1 sets [1]");
  }
}
