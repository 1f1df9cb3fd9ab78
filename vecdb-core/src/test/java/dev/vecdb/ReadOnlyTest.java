package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.internal.VecAccess;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database opened read-only refuses every change from the application; its {@link Replica} applies commits. */
class ReadOnlyTest {
  private static final VecOptions KEEP_CHANGES = VecOptions.DEFAULT.withSavedStampedChanges(3);

  @TempDir Path tmp;

  /** Two stamped commits on a BYTES vector with a hole and on an LZ4 object vector. */
  private Path leader() {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir)) {
      LongVec longs = db.longVec("longs", NumberType.I64, KEEP_CHANGES);
      ObjVec<byte[]> hashes = db.bytesVec("hashes", 4, KEEP_CHANGES.withFormat(Format.LZ4));
      for (long i = 0; i < 100; i++) {
        longs.push(i * 3);
        hashes.push(new byte[] {(byte) i, 1, 2, 3});
      }
      longs.stampedWriteWithChanges(1);
      hashes.stampedWriteWithChanges(1);
      db.flush();
      longs.delete(7);
      longs.update(8, -8);
      longs.stampedWriteWithChanges(2);
      hashes.stampedWriteWithChanges(2);
      db.flush();
    }
    return dir;
  }

  private static List<byte[]> files(Path dir) throws IOException {
    List<byte[]> contents = new ArrayList<>();
    for (String name : List.of("data", "regions", "journal")) {
      contents.add(Files.readAllBytes(dir.resolve(name)));
    }
    return contents;
  }

  private static void refused(ThrowingCallable change, String vector, Path dir) {
    assertThatThrownBy(change).isInstanceOf(ReadOnlyException.class)
        .hasMessageContaining("'" + vector + "'").hasMessageContaining(dir.toString())
        .hasMessageContaining("read-only");
  }

  @Test
  void everyChangeFromTheApplicationIsRefusedAndReadsWork() throws IOException {
    Path dir = leader();
    List<byte[]> before = files(dir);
    try (Database db = Database.open(dir, DatabaseOptions.DEFAULT.withReadOnly(true))) {
      assertThat(db.isReadOnly()).isTrue();
      assertThat(db.commitNumber()).isEqualTo(2);
      LongVec longs = db.longVec("longs", NumberType.I64, KEEP_CHANGES);
      ObjVec<byte[]> hashes = db.bytesVec("hashes", 4, KEEP_CHANGES.withFormat(Format.LZ4));
      assertThat(longs.len()).isEqualTo(100);
      assertThat(longs.holes()).containsExactly(7);
      assertThat(longs.get(8)).isEqualTo(-8);
      assertThat(longs.get(99)).isEqualTo(297);
      assertThat(hashes.get(42)).containsExactly(42, 1, 2, 3);
      assertThat(longs.stamp()).isEqualTo(2);
      try (LongReader reader = longs.reader()) {
        assertThat(reader.get(50)).isEqualTo(150);
      }

      refused(() -> longs.push(1), "longs", dir);
      refused(() -> longs.pushAll(new long[] {1, 2}), "longs", dir);
      refused(() -> longs.update(1, 1), "longs", dir);
      refused(() -> longs.checkedPush(100, 1), "longs", dir);
      refused(() -> longs.fillFirstHoleOrPush(1), "longs", dir);
      refused(() -> longs.take(3), "longs", dir);
      refused(() -> longs.delete(3), "longs", dir);
      refused(() -> longs.truncate(10), "longs", dir);
      refused(longs::reset, "longs", dir);
      refused(longs::write, "longs", dir);
      refused(longs::flush, "longs", dir);
      refused(() -> longs.stampedWriteWithChanges(3), "longs", dir);
      refused(() -> longs.updateStamp(3), "longs", dir);
      refused(() -> VecAccess.get().updateComputedVersion(longs, 3), "longs", dir);
      refused(longs::rollback, "longs", dir);
      refused(() -> longs.rollbackBefore(2), "longs", dir);
      refused(() -> hashes.push(new byte[4]), "hashes", dir);
      refused(() -> hashes.update(0, new byte[4]), "hashes", dir);
      refused(() -> db.removeVector("longs"), "longs", dir);
      refused(() -> db.longVec("new", NumberType.I64, VecOptions.DEFAULT), "new", dir);
      assertThatThrownBy(db::flush).isInstanceOf(ReadOnlyException.class).hasMessageContaining(dir.toString());
      assertThatThrownBy(db::compact).isInstanceOf(ReadOnlyException.class).hasMessageContaining(dir.toString());
      assertThatThrownBy(() -> db.regions().createIfNeeded("r")).isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(() -> db.regions().get("longs").append(new byte[8])).isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(() -> db.regions().get("longs").truncate(0)).isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(() -> db.regions().rename("longs", "x")).isInstanceOf(ReadOnlyException.class);
      assertThatThrownBy(() -> db.regions().removeIfExists("longs")).isInstanceOf(ReadOnlyException.class);

      assertThat(db.snapshot(tmp.resolve("copy")).commitNumber()).as("a follower can seed another one").isEqualTo(2);
      assertThat(db.openVectors()).extracting(StoredVec::name).contains("longs", "hashes");
      assertThat(longs.len()).isEqualTo(100);
      assertThat(longs.get(8)).isEqualTo(-8);
      assertThat(longs.holes()).containsExactly(7);
    }
    assertThat(files(dir)).as("a read-only session leaves the files byte for byte as they were")
        .usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
    try (Database copy = Database.open(tmp.resolve("copy"), DatabaseOptions.DEFAULT.withReadOnly(true))) {
      LongVec longs = copy.longVec("longs", NumberType.I64, KEEP_CHANGES);
      assertThat(copy.commitNumber()).isEqualTo(2);
      assertThat(longs.holes()).containsExactly(7);
      assertThat(longs.get(8)).isEqualTo(-8);
    }
    try (Database db = Database.open(dir)) {
      LongVec longs = db.longVec("longs", NumberType.I64, KEEP_CHANGES);
      assertThat(db.commitNumber()).isEqualTo(2);
      assertThat(longs.len()).isEqualTo(100);
      longs.push(5);
      longs.flush();
      assertThat(db.commitNumber()).as("the same directory opened writable commits again").isEqualTo(3);
    }
  }

  @Test
  void theReplicaAppliesCommitsInOrderWhileTheApplicationReadsAndIsRefused() throws Exception {
    Path dir = leader();
    int commits = 200;
    try (Replica replica = Replica.open(dir)) {
      Database db = replica.database();
      assertThat(db.isReadOnly()).isTrue();
      LongVec longs = db.longVec("longs", NumberType.I64, KEEP_CHANGES);
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong refusals = new AtomicLong();
      AtomicLong reads = new AtomicLong();
      AtomicReference<Throwable> appFailure = new AtomicReference<>();
      Thread app = new Thread(() -> {
        try (LongReader reader = longs.reader()) {
          while (!done.get()) {
            long len = reader.len();
            assertThat(reader.get(len - 1)).as("the last value at length %d", len).isEqualTo(len * 10);
            reads.incrementAndGet();
            try {
              longs.push(-1);
            } catch (ReadOnlyException expected) {
              refusals.incrementAndGet();
            }
          }
        } catch (Throwable t) {
          appFailure.set(t);
        }
      }, "application");
      replica.apply(3, d -> {
        d.longVec("longs", NumberType.I64, KEEP_CHANGES).push(1010);
        d.longVec("longs", NumberType.I64, KEEP_CHANGES).write();
      });
      app.start();
      for (long c = 4; c < 3 + commits; c++) {
        long commit = c;
        assertThat(replica.apply(commit, d -> {
          longs.push((longs.len() + 1) * 10);
          longs.stampedWriteWithChanges(commit);
        })).isTrue();
        assertThat(db.commitNumber()).isEqualTo(commit);
      }
      done.set(true);
      app.join();
      assertThat(appFailure.get()).isNull();
      assertThat(reads.get()).isPositive();
      assertThat(refusals.get()).as("every push of the application was refused").isEqualTo(reads.get());

      assertThat(replica.apply(10, d -> longs.push(0))).as("an applied commit is skipped").isFalse();
      assertThatThrownBy(() -> replica.apply(3 + commits + 1, d -> longs.push(0)))
          .isInstanceOf(CommitGapException.class).hasMessageContaining("missing");
      assertThat(longs.len()).isEqualTo(100 + commits);
      assertThat(longs.stamp()).isEqualTo(2 + commits);
    }
    try (Database db = Database.open(dir, DatabaseOptions.DEFAULT.withReadOnly(true))) {
      LongVec longs = db.longVec("longs", NumberType.I64, KEEP_CHANGES);
      assertThat(db.commitNumber()).isEqualTo(2 + commits);
      assertThat(longs.len()).isEqualTo(100 + commits);
      assertThat(longs.get(99 + commits)).isEqualTo((100 + commits) * 10);
    }
  }

  @Test
  void anApplyInterruptedBeforeItsFlushIsNotCommitted() {
    Path dir = leader();
    try (Replica replica = Replica.open(dir)) {
      LongVec longs = replica.database().longVec("longs", NumberType.I64, KEEP_CHANGES);
      assertThatThrownBy(() -> replica.apply(3, d -> {
        longs.push(1);
        longs.write();
        throw new IllegalStateException("applier died");
      })).hasMessage("applier died");
      assertThat(replica.database().commitNumber()).isEqualTo(2);
    }
    try (Replica replica = Replica.open(dir)) {
      assertThat(replica.database().commitNumber()).isEqualTo(2);
      assertThat(replica.database().longVec("longs", NumberType.I64, KEEP_CHANGES).len()).isEqualTo(100);
    }
  }
}
