package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.StoredVec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13 item 9 (vector level): out-of-range deletes fail like updates, negative stamps and versions are refused,
 * the name length limit holds exactly, and a structure of a newer format version is an
 * {@link UnsupportedFormatVersionException} saying which version was found and which is supported.
 */
class ArgumentAndVersionTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Format.class)
  void deleteOutOfRangeFailsLikeUpdateAndChangesNothing(Format format) {
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, VecOptions.of(format));
      v.push(1);
      v.push(2);
      v.write();
      v.push(3);
      for (long index : new long[] {-1, 3, 13, Long.MAX_VALUE, Long.MIN_VALUE}) {
        assertThatThrownBy(() -> v.delete(index)).as("delete(%d)", index).isInstanceOf(OutOfRangeException.class)
            .hasMessageContaining("'v'").hasMessageContaining("index " + index).hasMessageContaining("length is 3");
        assertThatThrownBy(() -> v.update(index, 0)).isInstanceOf(OutOfRangeException.class);
        assertThat(v.take(index)).as("take(%d) stays lenient", index).isEmpty();
      }
      assertThat(v.holeCount()).isZero();
      assertThat(v.collect(0, 3)).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void negativeStampsAreRefusedBeforeAnythingChanges() {
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, VecOptions.DEFAULT.withSavedStampedChanges(2));
      v.push(1);
      v.stampedWriteWithChanges(5);
      v.push(2);
      assertThatThrownBy(() -> v.updateStamp(-1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
      assertThatThrownBy(() -> v.stampedWrite(-2)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> v.stampedWriteWithChanges(Long.MIN_VALUE))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(v.stamp()).isEqualTo(5);
      assertThat(v.storedLen()).as("nothing was written").isEqualTo(1);
      assertThat(v.changeStamps()).containsExactly(5L);
    }
  }

  @Test
  void negativeVersionIsRefused() {
    assertThatThrownBy(() -> VecOptions.DEFAULT.withVersion(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version").hasMessageContaining("-1");
    assertThat(VecOptions.DEFAULT.withVersion(0).version()).isZero();
  }

  @Test
  void nameLengthLimitIsExactInUtf8BytesAndHoldsForEveryOwnRegion() {
    String longest = "é".repeat(StoredVec.MAX_NAME_BYTES / 2) + "x".repeat(StoredVec.MAX_NAME_BYTES % 2);
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec(longest, NumberType.I64, VecOptions.DEFAULT.withSavedStampedChanges(2));
      v.push(1);
      v.push(2);
      v.stampedWriteWithChanges(Long.MAX_VALUE - 1);
      v.delete(0);
      v.stampedWriteWithChanges(Long.MAX_VALUE);
      v.update(1, 3);
      v.flush();
      assertThat(v.regionNames()).hasSize(5);
      assertThatThrownBy(() -> db.longVec(longest + "x", NumberType.I64, VecOptions.DEFAULT))
          .isInstanceOf(InvalidNameException.class).hasMessageContaining("limit is " + StoredVec.MAX_NAME_BYTES);
    }
  }

  @Test
  void vectorHeaderOfANewerVersionIsNamedAsSuch() {
    long start;
    try (Database db = Database.open(dir)) {
      db.longVec("v", NumberType.I64, VecOptions.DEFAULT).push(1);
      db.findVector("v").orElseThrow().flush();
      start = db.regions().get("v").start();
    }
    rewriteVersion(dir.resolve("data"), start, 4, 60, 3);
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> db.longVec("v", NumberType.I64, VecOptions.DEFAULT))
          .isInstanceOf(UnsupportedFormatVersionException.class).hasMessageContaining("vector 'v'")
          .hasMessageContaining("format version 3").hasMessageContaining("reads version 2")
          .satisfies(e -> assertThat(((UnsupportedFormatVersionException) e).found()).isEqualTo(3));
    }
  }

  @Test
  void changeSetOfANewerVersionIsNamedAsSuch() {
    long start;
    long length;
    VecOptions kept = VecOptions.DEFAULT.withSavedStampedChanges(2);
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, kept);
      v.push(1);
      v.stampedWriteWithChanges(1);
      v.flush();
      start = db.regions().get("v@change.1").start();
      length = db.regions().get("v@change.1").length();
    }
    rewriteVersion(dir.resolve("data"), start, 4, (int) length - 4, 2);
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, kept);
      assertThatThrownBy(v::rollback).isInstanceOf(UnsupportedFormatVersionException.class)
          .hasMessageContaining("change set 1").hasMessageContaining("format version 2");
    }
  }

  /** Sets the u16 version at {@code at} of a structure at {@code start} and recomputes its trailing CRC32C. */
  private static void rewriteVersion(Path file, long start, int at, int crcAt, int version) {
    byte[] bytes = TestFiles.readBytes(file, start, crcAt);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) version);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    TestFiles.writeBytes(file, start, bytes);
    TestFiles.writeBytes(file, start + crcAt,
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array());
  }
}
