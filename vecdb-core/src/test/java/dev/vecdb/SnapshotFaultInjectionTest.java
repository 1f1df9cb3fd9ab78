package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.store.FaultyIo;
import dev.vecdb.store.SnapshotReport;
import dev.vecdb.vec.LongVec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * I/O fault injection for hot snapshots: a snapshot of a database with two commits and unflushed overwrites of
 * committed values (so the copy's journal holds records to replay) runs once per file operation it makes, with that
 * one operation failing (ENOSPC for writes and truncations, after writing half; EIO for syncs). Every time the
 * snapshot fails with a {@link StorageException} and leaves its target empty (no half copy that could open), the
 * source database is untouched and keeps working (a retried snapshot into the same target holds exactly the last
 * commit; the source's unflushed values flush), and the source reopens at its last flush.
 */
class SnapshotFaultInjectionTest {
  private static final VecOptions OPTIONS = VecOptions.of(Format.BYTES).withSavedStampedChanges(2);
  private static final int COMMITTED = 20_000;

  @TempDir Path tmp;

  /** Two commits (commit number 2), then unflushed updates and pushes; returns the vector. */
  private static LongVec prepare(Database db) {
    LongVec vec = db.longVec("values", NumberType.I64, OPTIONS);
    for (long i = 0; i < COMMITTED; i++) {
      vec.push(i * 7);
    }
    vec.stampedWriteWithChanges(1);
    db.flush();
    for (long i = 0; i < COMMITTED; i += 97) {
      vec.update(i, -i);
    }
    vec.stampedWriteWithChanges(2);
    db.flush();
    for (long i = 0; i < COMMITTED; i += 997) {
      vec.update(i, 1_000_000 + i);
    }
    vec.push(42);
    vec.stampedWriteWithChanges(3);
    return vec;
  }

  private static long committedValue(long i) {
    return i % 97 == 0 ? -i : i * 7;
  }

  private static long liveValue(long i) {
    return i == COMMITTED ? 42 : i % 997 == 0 ? 1_000_000 + i : committedValue(i);
  }

  private static void checkLive(LongVec vec, String what) {
    assertThat(vec.len()).as(what).isEqualTo(COMMITTED + 1);
    for (long i = 0; i <= COMMITTED; i++) {
      if (vec.get(i) != liveValue(i)) {
        throw new AssertionError("value " + i + " of " + what + ": " + vec.get(i) + ", expected " + liveValue(i));
      }
    }
  }

  private static void checkCommitted(Path copy) {
    try (Database db = Database.open(copy, DatabaseOptions.DEFAULT.withReadOnly(true))) {
      assertThat(db.commitNumber()).isEqualTo(2);
      LongVec vec = db.longVec("values", NumberType.I64, OPTIONS);
      assertThat(vec.len()).isEqualTo(COMMITTED);
      assertThat(vec.stamp()).isEqualTo(2);
      for (long i = 0; i < COMMITTED; i++) {
        if (vec.get(i) != committedValue(i)) {
          throw new AssertionError("value " + i + " of the copy " + copy + ": " + vec.get(i) + ", expected "
              + committedValue(i));
        }
      }
    }
  }

  @Test
  void aSnapshotFailingAtAnyFileOperationLeavesNoCopyAndTheSourceIntact() throws IOException {
    FaultyIo reference = new FaultyIo();
    long prepareCalls;
    long snapshotCalls;
    Path referenceCopy = tmp.resolve("reference-copy");
    try (Database db = Database.open(tmp.resolve("reference"), reference)) {
      prepare(db);
      prepareCalls = reference.calls();
      db.snapshot(referenceCopy);
      snapshotCalls = reference.calls() - prepareCalls;
      List<FaultyIo.Call> calls = reference.history().subList((int) prepareCalls, (int) reference.calls());
      assertThat(calls).as("the snapshot writes only its copy (and syncs the copy's parent directory)")
          .allMatch(call -> call.file().startsWith(referenceCopy) || call.file().equals(tmp));
      assertThat(calls).extracting(FaultyIo.Call::kind).contains("write", "force", "truncate", "syncDirectory");
    }
    checkCommitted(referenceCopy);

    for (long point = 1; point <= snapshotCalls; point++) {
      Path source = tmp.resolve("source-" + point);
      Path copy = tmp.resolve("copy-" + point);
      FaultyIo io = new FaultyIo().failCall(prepareCalls + point);
      try (Database db = Database.open(source, io)) {
        LongVec vec = prepare(db);
        assertThatThrownBy(() -> db.snapshot(copy)).as("fault point %d", point)
            .isInstanceOf(StorageException.class).hasMessageContaining("cannot snapshot database");
        assertThat(io.failed()).as("fault point %d", point).isNotNull();
        try (Stream<Path> left = Files.list(copy)) {
          assertThat(left).as("files left by the snapshot failing at %s", io.failed()).isEmpty();
        }
        SnapshotReport retried = db.snapshot(copy);
        assertThat(retried.commitNumber()).isEqualTo(2);
        checkCommitted(copy);
        checkLive(vec, "the source after the failed snapshot");
        db.flush();
        assertThat(db.commitNumber()).isEqualTo(3);
      }
      try (Database db = Database.open(source)) {
        LongVec vec = db.longVec("values", NumberType.I64, OPTIONS);
        checkLive(vec, "the source reopened");
      }
      TestFiles.deleteRecursively(source);
      TestFiles.deleteRecursively(copy);
    }
    System.out.printf("Snapshot I/O fault injection: %d file operations in a snapshot, each failed once%n",
        snapshotCalls);
  }
}
