package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 5: losing a region — its slot zeroed, the region table cut at a slot boundary, or the region removed
 * behind the vector's back — is a {@link CorruptionException} naming what is missing, never a silent loss (deleted
 * values coming back, a vector reopening empty, a rollback failing with {@link NotFoundException}).
 */
class RegionLossTest {
  private static final VecOptions RAW = VecOptions.DEFAULT.withSavedStampedChanges(4);

  @TempDir Path dir;

  /** Vector "v": [0, 10, 20, 30, 40, 50] with a hole at 2, stamps 1 and 2 with change sets, and a baseline. */
  @BeforeEach
  void build() {
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, RAW);
      for (long i = 0; i < 6; i++) {
        v.push(i * 10);
      }
      v.stampedWriteWithChanges(1);
      v.delete(2);
      v.stampedWriteWithChanges(2);
      v.update(0, -1);
      v.flush();
      assertThat(db.regions().ids()).contains("v", "v@holes", "v@baseline", "v@change.1", "v@change.2");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v", "v@holes", "v@baseline", "v@change.1", "v@change.2"})
  void zeroedSlotOfAnyRegionIsReportedAtOpen(String id) {
    long slot = slotOffset(id);
    TestFiles.writeBytes(table(), slot, new byte[2048]);
    assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("slot " + (slot - 4096) / 2048).hasMessageContaining("zeroed");
  }

  @Test
  void tableCutAtASlotBoundaryIsReportedAtOpen() {
    long slots = (TestFiles.size(table()) - 4096) / 2048;
    TestFiles.truncate(table(), 4096 + (slots - 1) * 2048);
    assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("slots " + (slots - 1) + " to " + (slots - 1) + " are missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v@holes", "v@baseline", "v@change.1"})
  void regionRemovedBehindTheVectorsBackIsNamedWhenItOpens(String id) {
    try (Database db = Database.open(dir)) {
      db.regions().remove(id);
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> db.longVec("v", NumberType.I64, RAW)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("vector 'v'").hasMessageContaining(id.equals("v@change.1") ? "change sets" : id);
    }
  }

  @Test
  void pageTableRemovedBehindAPagedVectorsBackIsNamed() {
    VecOptions lz4 = VecOptions.of(Format.LZ4);
    try (Database db = Database.open(dir)) {
      LongVec p = db.longVec("p", NumberType.I64, lz4);
      for (long i = 0; i < 5000; i++) {
        p.push(i);
      }
      p.flush();
      db.regions().remove("p@pages");
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> db.longVec("p", NumberType.I64, lz4)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("'p@pages' is missing");
    }
  }

  @Test
  void intactDatabaseReopensWithEverything() {
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, RAW);
      assertThat(v.collectHoled(0, v.len())).hasSize(6);
      assertThat(v.isHole(2)).isTrue();
      assertThat(v.get(0)).isEqualTo(-1);
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(v.isHole(2)).isFalse();
      assertThat(v.get(0)).as("the unstamped update is undone too").isZero();
    }
  }

  private Path table() {
    return dir.resolve("regions");
  }

  /** Offset of the slot holding region {@code id} in the region table. */
  private long slotOffset(String id) {
    long slots = (TestFiles.size(table()) - 4096) / 2048;
    for (long s = 0; s < slots; s++) {
      long at = 4096 + s * 2048;
      ByteBuffer fixed = ByteBuffer.wrap(TestFiles.readBytes(table(), at, 32)).order(ByteOrder.LITTLE_ENDIAN);
      int length = Short.toUnsignedInt(fixed.getShort(24));
      if (length > 0 && new String(TestFiles.readBytes(table(), at + 32, length), StandardCharsets.UTF_8).equals(id)) {
        return at;
      }
    }
    throw new AssertionError("no slot for region " + id);
  }
}
