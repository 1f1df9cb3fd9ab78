package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjReader;
import dev.vecdb.vec.ObjVec;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An instance whose vector is removed (by the application on the leader, or by a leader's commit on a follower)
 * never serves the removed vector's values again, whatever reuses its space: every read names the removal.
 */
class RemovedVectorTest {
  @TempDir Path tmp;

  private static void fill(LongVec vec, long value, int count) {
    for (int i = 0; i < count; i++) {
      vec.push(value + i);
    }
    vec.write();
  }

  private static void assertRemoved(LongVec vec, LongReader reader) {
    assertThatThrownBy(() -> vec.get(5)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("vector 'a'").hasMessageContaining("was removed");
    assertThatThrownBy(() -> reader.get(5)).isInstanceOf(NotFoundException.class).hasMessageContaining("vector 'a'");
    assertThatThrownBy(reader::snapshot).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> reader.fold(0, 10, 0L, Long::sum)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> vec.push(1)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(vec::write).isInstanceOf(NotFoundException.class);
    assertThat(vec.len()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void onTheLeaderTheRemovedInstanceFailsAndAReopenSeesTheNewVector(Format format) {
    try (Database db = Database.open(tmp.resolve("db"))) {
      LongVec a = db.longVec("a", NumberType.I64, VecOptions.of(format));
      fill(a, 0, 50_000);
      a.delete(3);
      db.flush();
      LongReader reader = a.reader();
      db.removeVector("a");
      db.flush();
      LongVec other = db.longVec("other", NumberType.I64, VecOptions.of(format));
      fill(other, -1_000_000, 80_000); // may take the space the removed vector held
      db.flush();
      db.compact();
      assertRemoved(a, reader);
      LongVec again = db.longVec("a", NumberType.I64, VecOptions.of(format));
      assertThat(again).isNotSameAs(a);
      assertThat(again.len()).isZero();
      fill(again, 7, 3);
      assertThat(again.reader().get(2)).isEqualTo(9);
      assertThatThrownBy(() -> reader.get(0)).isInstanceOf(NotFoundException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "LZ4", "ZSTD"})
  void onAFollowerTheApplicationsInstanceOfAVectorTheLeaderRecreatesFails(Format format) {
    DatabaseOptions log = DatabaseOptions.DEFAULT.withCommitLog(true);
    try (Database leader = Database.open(tmp.resolve("leader"), log);
        Replica replica = Replica.open(tmp.resolve("follower"))) {
      LongVec a = leader.longVec("a", NumberType.I64, VecOptions.of(format));
      fill(a, 0, 20_000);
      ObjVec<byte[]> b = leader.bytesVec("b", 4, VecOptions.of(format));
      b.push(new byte[] {1, 2, 3, 4});
      b.write();
      leader.flush();
      for (Commit commit : leader.outbox().pending()) {
        replica.apply(commit);
      }
      LongVec followed = replica.database().longVec("a", NumberType.I64, VecOptions.of(format));
      LongReader reader = followed.reader();
      ObjVec<byte[]> followedB = replica.database().bytesVec("b", 4, VecOptions.of(format));
      ObjReader<byte[]> readerB = followedB.reader();
      assertThat(reader.get(5)).isEqualTo(5);

      leader.removeVector("a");
      leader.removeVector("b");
      LongVec recreated = leader.longVec("a", NumberType.I64, VecOptions.of(format));
      fill(recreated, 100, 10);
      leader.flush();
      for (Commit commit : leader.outbox().pending()) {
        replica.apply(commit);
      }

      assertThatThrownBy(() -> reader.get(5)).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("vector 'a'").hasMessageContaining("removed by a commit of the leader");
      assertThatThrownBy(reader::snapshot).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> readerB.get(0)).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("vector 'b'");
      assertThat(followed.len()).isZero();
      assertThat(replica.database().hasVector("b")).isFalse();
      LongVec reopened = replica.database().longVec("a", NumberType.I64, VecOptions.of(format));
      assertThat(reopened.len()).isEqualTo(10);
      assertThat(reopened.reader().get(5)).isEqualTo(105);
    }
  }
}
