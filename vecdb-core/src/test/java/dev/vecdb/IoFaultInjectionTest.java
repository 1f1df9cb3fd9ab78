package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.NumberType;
import dev.vecdb.store.FaultyIo;
import dev.vecdb.vec.LongVec;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * I/O fault injection, as SQLite tests its I/O errors: a workload of appends, updates, deletions, truncation, stamped
 * writes with changes, a rollback, flushes and a compaction runs once per file operation it makes, with that one
 * operation failing (ENOSPC for writes, truncations and punches, after writing half; EIO for syncs). After each
 * failure:
 * <ol>
 *   <li>a crash at once — of the process (the page cache survives) and of the machine (every write since its file's
 *       last successful sync is lost) — reopens at exactly the last completed flush, or at the flush that was running
 *       when the fault hit, if it got past its commit point;
 *   <li>the failed operation is retried (or, when the failure left the database failed, it is closed, reopened and
 *       the interrupted step is redone); a crash right after the retry shows the last completed flush (or the retried
 *       flush, if the retry was the flush), and a crash after the rest of the step shows that step fully applied.
 * </ol>
 * The normal build checks {@value #CI_POINTS} fault points of each format, spread evenly; the full enumeration is
 * {@code ./mvnw -B -o -pl vecdb-core test -Dtest=IoFaultInjectionTest -Dvecdb.faults.all=true}.
 */
class IoFaultInjectionTest {
  private static final int CI_POINTS = 20;
  private static final String VECTOR = "values";

  @TempDir Path tmp;

  /** What a reopened database shows: stamp, values (null for a hole), stored change sets and commit number. */
  record Snapshot(long stamp, List<Long> values, List<Long> changeStamps, long commitNumber) {
    @Override
    public String toString() {
      return "stamp " + stamp + ", " + values.size() + " values (sum " + values.stream()
          .mapToLong(v -> v == null ? 7 : v).sum() + "), change sets " + changeStamps + ", commit " + commitNumber;
    }
  }

  /** The database and vector under test, reopened as the scenario requires. */
  private static final class Run {
    final Path dir;
    final Format format;
    FaultyIo io;
    Database db;
    LongVec vec;

    Run(Path dir, Format format, FaultyIo io) {
      this.dir = dir;
      this.format = format;
      this.io = io;
    }

    void openIfNeeded() {
      if (db == null) {
        db = Database.open(dir, io);
      }
      if (vec == null) {
        vec = db.longVec(VECTOR, NumberType.I64, options(format));
      }
    }

    void reopen(FaultyIo fresh) {
      if (db != null) {
        db.close();
      }
      db = null;
      vec = null;
      io = fresh;
      openIfNeeded();
    }
  }

  /** One call of the workload; only the ones that write files can fail. */
  private record Op(String name, java.util.function.Consumer<Run> action) {}

  /** A group of calls ending with the commit (a flush or a compaction). */
  private record Step(String name, List<Op> ops) {}

  private static VecOptions options(Format format) {
    return VecOptions.of(format).withSavedStampedChanges(3);
  }

  private static List<Step> workload() {
    return List.of(
        new Step("append", List.of(
            new Op("open", Run::openIfNeeded),
            new Op("push 2500", r -> {
              for (long i = 0; i < 2500; i++) {
                r.vec.push(i * 3 + 1);
              }
            }),
            new Op("stampedWriteWithChanges(1)", r -> r.vec.stampedWriteWithChanges(1)),
            new Op("flush", r -> r.db.flush()))),
        new Step("update", List.of(
            new Op("update 24, push 300", r -> {
              for (long i = 0; i < 24; i++) {
                r.vec.update((i * 101) % 2500, 1_000_000 + i);
              }
              for (long i = 0; i < 300; i++) {
                r.vec.push(-i);
              }
            }),
            new Op("stampedWriteWithChanges(2)", r -> r.vec.stampedWriteWithChanges(2)),
            new Op("flush", r -> r.db.flush()))),
        new Step("delete and truncate", List.of(
            new Op("delete 10, truncate", r -> {
              for (long i = 0; i < 10; i++) {
                r.vec.delete(i * 137 + 5);
              }
              r.vec.truncate(2350);
            }),
            new Op("stampedWriteWithChanges(3)", r -> r.vec.stampedWriteWithChanges(3)),
            new Op("flush", r -> r.db.flush()))),
        new Step("update again", List.of(
            new Op("update 100, push 100", r -> {
              for (long i = 0; i < 100; i++) {
                r.vec.update(i * 13 % 200 + 2, 5_000_000 + i);
                r.vec.push(9_000_000 + i);
              }
            }),
            new Op("stampedWriteWithChanges(4)", r -> r.vec.stampedWriteWithChanges(4)),
            new Op("flush", r -> r.db.flush()))),
        new Step("rollback", List.of(
            new Op("rollback", r -> r.vec.rollback()),
            new Op("write", r -> r.vec.write()),
            new Op("flush", r -> r.db.flush()))),
        new Step("compact", List.of(
            new Op("push 1000, update 6", r -> {
              for (long i = 0; i < 1000; i++) {
                r.vec.push(i * i);
              }
              for (long i = 0; i < 6; i++) {
                r.vec.update(i * 300, -1_000 - i);
              }
            }),
            new Op("stampedWriteWithChanges(5)", r -> r.vec.stampedWriteWithChanges(5)),
            new Op("compact", r -> r.db.compact()))));
  }

  private static Snapshot snapshot(Database db, LongVec vec) {
    List<Long> values = new ArrayList<>();
    for (long i = 0; i < vec.len(); i++) {
      values.add(vec.isHole(i) ? null : vec.get(i));
    }
    return new Snapshot(vec.stamp(), values, List.copyOf(vec.changeStamps()), db.commitNumber());
  }

  private static Snapshot snapshotAfterOpen(Path dir, Format format) {
    try (Database db = Database.open(dir)) {
      return snapshot(db, db.longVec(VECTOR, NumberType.I64, options(format)));
    }
  }

  /** The reference: the state after each step's commit, and the number of file operations of a fault-free run. */
  private record Reference(List<Snapshot> afterStep, Snapshot empty, long calls, Map<String, Long> kinds) {
    Snapshot at(int step) {
      return step < 0 ? empty : afterStep.get(step);
    }
  }

  private Reference reference(Format format) {
    Path dir = tmp.resolve("reference");
    Snapshot empty = snapshotAfterOpen(tmp.resolve("empty"), format);
    FaultyIo io = new FaultyIo();
    Run run = new Run(dir, format, io);
    List<Snapshot> after = new ArrayList<>();
    try {
      for (Step step : workload()) {
        for (Op op : step.ops()) {
          op.action().accept(run);
        }
        after.add(snapshot(run.db, run.vec));
      }
    } finally {
      run.db.close();
    }
    assertThat(snapshotAfterOpen(dir, format)).isEqualTo(after.getLast());
    assertThat(after).as("each step's commit is numbered").extracting(Snapshot::commitNumber)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    Map<String, Long> kinds = io.history().stream()
        .collect(Collectors.groupingBy(FaultyIo.Call::kind, TreeMap::new, Collectors.counting()));
    assertThat(kinds).as("the workload reaches every kind of file operation")
        .containsOnlyKeys("write", "force", "truncate", "punch", "syncDirectory");
    return new Reference(after, empty, io.calls(), kinds);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyFailedFileOperationLeavesTheLastCompletedFlush(Format format) {
    Reference reference = reference(format);
    boolean all = Boolean.getBoolean("vecdb.faults.all");
    int checked = 0;
    for (long point = 1; point <= reference.calls(); point++) {
      long stride = Math.max(1, reference.calls() / CI_POINTS);
      if (all || point % stride == format.ordinal() % stride) {
        Path dir = tmp.resolve("fault-" + point);
        faultAt(format, reference, point, dir);
        TestFiles.deleteRecursively(dir);
        checked++;
      }
    }
    System.out.printf("I/O fault injection, %s: %d file operations in the workload %s, %d fault points checked"
        + " (%d retried on the same handle, %d failed the database and were redone after a reopen)%n",
        format, reference.calls(), reference.kinds(), checked, retriedInPlace, reopened);
    assertThat(retriedInPlace + reopened).isEqualTo(checked);
    assertThat(checked).isPositive();
  }

  private void faultAt(Format format, Reference reference, long point, Path dir) {
    FaultyIo io = new FaultyIo().failCall(point);
    Run run = new Run(dir, format, io);
    List<Step> steps = workload();
    int completed = -1;
    try {
      for (int s = 0; s < steps.size(); s++) {
        List<Op> ops = steps.get(s).ops();
        for (int j = 0; j < ops.size(); j++) {
          Throwable failure = attempt(ops.get(j), run);
          if (failure != null) {
            String where = format + ", fault " + io.failed() + " in step '" + steps.get(s).name() + "', "
                + ops.get(j).name();
            if (io.failed() == null) {
              throw new AssertionError(where + ": failed without an injected fault", failure);
            }
            boolean inCommit = j == ops.size() - 1;
            List<Snapshot> atOnce = inCommit ? List.of(reference.at(completed), reference.at(s))
                : List.of(reference.at(completed));
            checkCrashes(run, atOnce, where + ", crash at once (" + failure + ")");
            retryAndFinish(run, reference, steps.get(s), s, j, completed, where);
            return;
          }
        }
        completed = s;
      }
      throw new AssertionError(format + ": fault point " + point + " was never reached");
    } finally {
      if (run.db != null) {
        run.db.close();
      }
    }
  }

  /** Check (b): retry, or reopen and redo; crash after the retry and after the step. */
  private void retryAndFinish(Run run, Reference reference, Step step, int s, int j, int completed, String where) {
    List<Op> ops = step.ops();
    boolean inCommit = j == ops.size() - 1;
    Throwable retry = run.db == null ? new StorageException("the database did not open") : attempt(ops.get(j), run);
    if (retry == null) {
      retriedInPlace++;
      checkCrashes(run, List.of(inCommit ? reference.at(s) : reference.at(completed)), where + ", crash after retry");
      for (int k = j + 1; k < ops.size(); k++) {
        ops.get(k).action().accept(run);
      }
    } else {
      if (run.db != null && !String.valueOf(retry.getMessage()).contains("failed earlier")) {
        throw new AssertionError(where + ": the retry failed in an unexpected way", retry);
      }
      run.reopen(new FaultyIo());
      reopened++;
      Snapshot now = snapshot(run.db, run.vec);
      if (inCommit && now.equals(reference.at(s))) {
        checkCrashes(run, List.of(reference.at(s)), where + ", crash after reopen (the flush had committed)");
        return;
      }
      assertThat(now).as("%s: reopened", where).isEqualTo(reference.at(completed));
      for (Op op : ops) {
        op.action().accept(run);
      }
    }
    checkCrashes(run, List.of(reference.at(s)), where + ", crash after the step");
  }

  private static Throwable attempt(Op op, Run run) {
    try {
      op.action().accept(run);
      return null;
    } catch (VecdbException | UncheckedIOException e) {
      return e;
    }
  }

  private int crashes;
  private int retriedInPlace;
  private int reopened;

  /** A process crash and a power loss at this instant both reopen at one of {@code expected}. */
  private void checkCrashes(Run run, List<Snapshot> expected, String what) {
    Path process = TestFiles.crashCopy(run.dir, tmp.resolve("crash-" + crashes++));
    Path power = run.io.powerLossCopy(run.dir, tmp.resolve("crash-" + crashes++));
    for (Path image : List.of(process, power)) {
      String kind = image == process ? "process crash" : "power loss";
      Snapshot found;
      try {
        found = snapshotAfterOpen(image, run.format);
      } catch (VecdbException e) {
        throw new AssertionError(what + ", " + kind + ": the database does not open", e);
      }
      if (!expected.contains(found)) {
        throw new AssertionError(what + ", " + kind + ": found " + found + ", expected one of " + expected);
      }
      TestFiles.deleteRecursively(image);
    }
  }
}
