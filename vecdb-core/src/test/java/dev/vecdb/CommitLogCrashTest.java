package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.NumberType;
import dev.vecdb.store.FaultyIo;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox entry is atomic with its commit: a workload with the commit log on runs once per file operation it
 * makes, with that operation failing; at that instant a process crash and a power loss are simulated. Each image must
 * reopen with an outbox that ends exactly at its commit number, offering the very payloads the fault-free run
 * recorded, and a follower that applies the fault-free run's commits up to that number must hold the image's regions
 * bit for bit. The normal build checks {@value #CI_POINTS} fault points; {@code -Dvecdb.faults.all=true} checks all.
 */
class CommitLogCrashTest {
  private static final int CI_POINTS = 30;
  private static final DatabaseOptions LOG = DatabaseOptions.DEFAULT.withCommitLog(true);

  @TempDir Path tmp;

  /** Six commits on a BYTES and an LZ4 vector; each flush's commit goes to {@code shipped} (when not null). */
  private static void workload(Database db, List<Commit> shipped) {
    LongVec longs = db.longVec("longs", NumberType.I64, VecOptions.DEFAULT.withSavedStampedChanges(2));
    ObjVec<byte[]> hashes = db.bytesVec("hashes", 4, VecOptions.of(Format.LZ4).withSavedStampedChanges(2));
    for (int step = 1; step <= 6; step++) {
      for (int i = 0; i < 700 * step; i++) {
        longs.push(i * step);
        hashes.push(new byte[] {(byte) i, (byte) step, 0, 1});
      }
      if (step % 2 == 0) {
        longs.update(step * 11L, -step);
        longs.delete(step * 13L);
        hashes.truncate(hashes.len() - 100);
      }
      longs.stampedWriteWithChanges(step);
      hashes.stampedWriteWithChanges(step);
      if (step == 5) {
        longs.rollback();
        longs.write();
      }
      db.flush();
      if (shipped != null) {
        shipped.add(db.outbox().pending().getLast());
      }
      db.outbox().acknowledge(step - 2);
    }
  }

  @Test
  void afterACrashAtAnyFileOperationTheOutboxEndsAtTheCommitNumber() {
    FaultyIo counting = new FaultyIo();
    List<Commit> reference = new ArrayList<>();
    try (Database db = Database.open(tmp.resolve("reference"), LOG, counting)) {
      workload(db, reference);
      assertThat(reference).extracting(Commit::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }
    long calls = counting.calls();
    boolean all = Boolean.getBoolean("vecdb.faults.all");
    int checked = 0;
    for (long point = 1; point <= calls; point++) {
      if (all || point % Math.max(1, calls / CI_POINTS) == 0) {
        faultAt(point, reference);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo((int) Math.min(CI_POINTS, calls));
  }

  private void faultAt(long point, List<Commit> reference) {
    Path dir = tmp.resolve("fault-" + point);
    FaultyIo io = new FaultyIo().failCall(point);
    Database db;
    try {
      db = Database.open(dir, LOG, io);
    } catch (VecdbException failedOpen) {
      assertThat(io.failed()).as("fault %d: %s", point, failedOpen).isNotNull();
      return; // the fault hit the creation of the directory: nothing was committed
    }
    try {
      workload(db, null);
    } catch (VecdbException | java.io.UncheckedIOException failed) {
      assertThat(io.failed()).as("fault %d: %s", point, failed).isNotNull();
    } finally {
      Path process = TestFiles.crashCopy(dir, tmp.resolve("process-" + point));
      Path power = io.powerLossCopy(dir, tmp.resolve("power-" + point));
      db.close();
      check(process, reference, "fault " + point + ", process crash");
      check(power, reference, "fault " + point + ", power loss");
      TestFiles.deleteRecursively(dir);
      TestFiles.deleteRecursively(process);
      TestFiles.deleteRecursively(power);
    }
  }

  private void check(Path image, List<Commit> reference, String what) {
    try (Database db = Database.open(image, LOG)) {
      long number = db.commitNumber();
      List<Commit> pending = db.outbox().pending();
      long last = pending.isEmpty() ? db.outbox().acknowledged() : pending.getLast().number();
      assertThat(last).as("%s: the outbox ends at the commit number", what).isEqualTo(number);
      for (Commit c : pending) {
        assertThat(c.payload()).as("%s: commit %d", what, c.number())
            .isEqualTo(reference.get((int) c.number() - 1).payload());
      }
      Path followerDir = image.resolveSibling(image.getFileName() + "-follower");
      try (Replica follower = Replica.open(followerDir)) {
        for (int i = 0; i < number; i++) {
          follower.apply(reference.get(i));
        }
        CommitLogModelTest.assertSameRegions(db, follower.database());
      }
      TestFiles.deleteRecursively(followerDir);
    }
  }
}
