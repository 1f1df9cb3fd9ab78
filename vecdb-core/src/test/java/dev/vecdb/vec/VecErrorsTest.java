package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.ClosedException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.HoleException;
import dev.vecdb.Internals;
import dev.vecdb.InvalidNameException;
import dev.vecdb.MismatchException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.FixedLength;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every error path of the raw vectors: each failure is the documented exception and its message names the vector
 * and the cause (index and length, hole, expected and found version, format or type), and a failed call changes
 * nothing. Reopening with reset-on-mismatch wipes every region of the vector instead.
 */
class VecErrorsTest {
  /** A record vector's layout. */
  public record Tick(long time, @FixedLength(4) byte[] venue) {}

  /** The same components under another layout. */
  public record WideTick(long time, @FixedLength(8) byte[] venue) {}

  /** A component vecdb cannot store. */
  public record Named(String name) {}

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void readsAndWritesOutOfRangeNameIndexLengthAndVector(Format format) {
    try (Database db = Database.open(dir)) {
      IntVec ints = db.intVec("ints", NumberType.I32, VecOptions.of(format));
      ints.push(1);
      ints.push(2);
      ints.write();
      ints.push(3);
      ints.delete(1);
      assertThatThrownBy(() -> ints.get(3)).isInstanceOf(OutOfRangeException.class)
          .hasMessage("vector 'ints': index 3 out of range, length is 3");
      assertThatThrownBy(() -> ints.get(-1)).isInstanceOf(OutOfRangeException.class)
          .hasMessageContaining("index -1").hasMessageContaining("'ints'");
      assertThatThrownBy(() -> ints.get(1)).isInstanceOf(HoleException.class)
          .hasMessage("vector 'ints': index 1 is a hole");
      assertThatThrownBy(() -> ints.update(3, 0)).isInstanceOf(OutOfRangeException.class)
          .hasMessage("vector 'ints': cannot update index 3, length is 3");
      assertThatThrownBy(() -> ints.checkedPush(4, 0)).isInstanceOf(OutOfRangeException.class)
          .hasMessage("vector 'ints': checked push at index 4, but the next index is 3");
      assertThatThrownBy(() -> ints.truncate(-1)).isInstanceOf(OutOfRangeException.class)
          .hasMessageContaining("'ints'").hasMessageContaining("-1");
      assertThatThrownBy(() -> ints.getAll(2, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'ints'").hasMessageContaining("ascending");
      assertThatThrownBy(() -> ints.getAll(0, 1)).isInstanceOf(HoleException.class);
      IntCursor cursor = ints.cursor(0, 1);
      cursor.nextInt();
      assertThatThrownBy(cursor::nextInt).isInstanceOf(NoSuchElementException.class).hasMessageContaining("'ints'");
      assertThat(ints.collect()).as("failed calls changed nothing").containsExactly(1, 3);
      assertThat(ints.holes()).containsExactly(1);
      ints.write();
      try (IntReader reader = ints.reader()) {
        assertThatThrownBy(() -> reader.get(3)).isInstanceOf(OutOfRangeException.class)
            .hasMessage("vector 'ints': index 3 out of range, written length is 3");
        assertThatThrownBy(() -> reader.get(1)).isInstanceOf(HoleException.class).hasMessageContaining("'ints'");
      }
      ObjVec<Tick> ticks = db.recordVec("ticks", Tick.class, VecOptions.of(format));
      assertThatThrownBy(() -> ticks.get(0)).isInstanceOf(OutOfRangeException.class)
          .hasMessage("vector 'ticks': index 0 out of range, length is 0");
      assertThatThrownBy(() -> ticks.push(new Tick(1, new byte[3]))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("venue").hasMessageContaining("4");
      assertThat(ticks.len()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void reopeningWithAnotherVersionFormatOrTypeSaysWhatWasExpectedAndFound(Format format) {
    Format other = format == Format.BYTES ? Format.ZERO_COPY : Format.BYTES;
    try (Database db = Database.open(dir)) {
      db.longVec("prices", NumberType.U64, VecOptions.of(format).withVersion(3)).push(1);
      db.recordVec("ticks", Tick.class, VecOptions.of(format));
      db.bytesVec("hashes", 32, VecOptions.of(format));
      db.openVectors().forEach(StoredVec::write);
      assertThatThrownBy(() -> db.longVec("prices", NumberType.I64, VecOptions.of(format).withVersion(3)))
          .as("already open in this database").isInstanceOf(MismatchException.class)
          .hasMessageContaining("already open").hasMessageContaining("u64").hasMessageContaining("i64");
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      assertMismatch(d -> d.longVec("prices", NumberType.U64, VecOptions.of(format).withVersion(4)),
          db, "prices", "stored with version 3, opened with version 4");
      assertMismatch(d -> d.longVec("prices", NumberType.U64, VecOptions.of(other).withVersion(3)),
          db, "prices", "stored with format " + format + ", opened with " + other);
      assertMismatch(d -> d.longVec("prices", NumberType.I64, VecOptions.of(format).withVersion(3)),
          db, "prices", "stored with value type u64 (8 bytes), opened as i64 (8 bytes)");
      assertMismatch(d -> d.doubleVec("prices", VecOptions.of(format).withVersion(3)),
          db, "prices", "opened as f64");
      assertMismatch(d -> d.recordVec("ticks", WideTick.class, VecOptions.of(format)),
          db, "ticks", "(12 bytes), opened as record WideTick(time: i64, venue: bytes[8]) (16 bytes)");
      assertMismatch(d -> d.bytesVec("hashes", 16, VecOptions.of(format)),
          db, "hashes", "stored with value type bytes[32] (32 bytes), opened as bytes[16] (16 bytes)");
      assertThat(db.longVec("prices", NumberType.U64, VecOptions.of(format).withVersion(3)).get(0))
          .as("the failed opens changed nothing").isEqualTo(1);
    }
  }

  private static void assertMismatch(Function<Database, StoredVec> open, Database db, String name, String cause) {
    assertThatThrownBy(() -> open.apply(db)).isInstanceOf(MismatchException.class)
        .hasMessageContaining("vector '" + name + "'").hasMessageContaining(db.path().toString())
        .hasMessageContaining(cause).hasMessageContaining("reset-on-mismatch");
  }

  @Test
  void resetOnMismatchWipesEveryRegionOfTheVector() {
    VecOptions kept = VecOptions.DEFAULT.withSavedStampedChanges(5);
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("wiped", NumberType.I64, kept);
      for (long i = 0; i < 1_000; i++) {
        v.push(i);
      }
      v.stampedWriteWithChanges(1);
      v.delete(10);
      v.stampedWriteWithChanges(2);
      assertThat(v.regionNames()).contains("wiped@holes").hasSizeGreaterThan(2);
      db.flush();
    }
    VecOptions changed = kept.withFormat(Format.ZERO_COPY).withVersion(2).withResetOnMismatch(true);
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("wiped", NumberType.I64, changed);
      assertThat(v.len()).isZero();
      assertThat(v.holes()).isEmpty();
      assertThat(v.stamp()).isZero();
      assertThat(v.changeStamps()).isEmpty();
      assertThat(v.regionNames()).containsExactly("wiped");
      assertThat(Internals.regions(db).ids()).filteredOn(id -> id.startsWith("wiped")).containsExactly("wiped");
      v.push(7);
      v.flush();
    }
    try (Database db = Database.open(dir)) {
      assertThat(db.longVec("wiped", NumberType.I64, changed.withResetOnMismatch(false)).collect())
          .as("the new vector persists with its new header").containsExactly(7);
    }
  }

  @Test
  void badArgumentsAreRejectedWhenTheVectorIsOpened() {
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> db.longVec("a/b", NumberType.I64, VecOptions.DEFAULT))
          .isInstanceOf(InvalidNameException.class);
      assertThatThrownBy(() -> db.longVec("a@b", NumberType.I64, VecOptions.DEFAULT))
          .isInstanceOf(InvalidNameException.class).hasMessageContaining("'@'");
      assertThatThrownBy(() -> db.longVec("", NumberType.I64, VecOptions.DEFAULT))
          .isInstanceOf(InvalidNameException.class);
      assertThatThrownBy(() -> db.longVec("x", NumberType.I32, VecOptions.DEFAULT))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'").hasMessageContaining("i32");
      assertThatThrownBy(() -> db.shortVec("x", NumberType.U8, VecOptions.DEFAULT))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u8");
      assertThatThrownBy(() -> db.recordVec("x", Named.class, VecOptions.DEFAULT))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Named").hasMessageContaining("name");
      assertThatThrownBy(() -> db.bytesVec("x", 0, VecOptions.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
      assertThat(Internals.regions(db).ids()).as("nothing was created").doesNotContain("x", "a/b", "a@b");
    }
  }

  @Test
  void aClosedDatabaseRefusesWritesAndNewReaders() {
    Database db = Database.open(dir);
    LongVec v = db.longVec("closed", NumberType.I64, VecOptions.DEFAULT);
    v.push(1);
    v.write();
    LongReader reader = v.reader();
    db.close();
    assertThatThrownBy(v::write).isInstanceOf(ClosedException.class).hasMessageContaining(dir.getFileName().toString());
    assertThatThrownBy(v::reader).isInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> reader.get(0)).isInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> v.get(0)).isInstanceOf(ClosedException.class).hasMessageContaining("'closed'");
    assertThatThrownBy(() -> db.longVec("closed", NumberType.I64, VecOptions.DEFAULT))
        .isInstanceOf(ClosedException.class).hasMessageContaining("'closed'");
  }
}
