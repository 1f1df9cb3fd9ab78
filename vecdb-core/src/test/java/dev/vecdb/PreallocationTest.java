package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.store.FaultyIo;
import dev.vecdb.vec.LongVec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#preallocate} and {@link DatabaseOptions#withPreallocation}: the data file is as long as asked, its
 * blocks allocated (the tests run with native access on Linux), writes into the space neither grow the file nor
 * allocate more, new regions take the reserved slots (the region table does not grow), compaction keeps the
 * reservation, everything reopens with its values; wrong amounts and read-only databases are refused.
 */
class PreallocationTest {
  private static final long MIB = 1 << 20;

  @TempDir Path dir;

  private long fileSize(String name) throws IOException {
    return Files.size(dir.resolve(name));
  }

  @Test
  void reservedSpaceAndSlotsAreUsedWithoutGrowingAnything() throws IOException {
    try (Database db = Database.open(dir)) {
      db.preallocate(64 * MIB, 40);
      db.flush();
      assertThat(fileSize("data")).isGreaterThanOrEqualTo(64 * MIB);
      assertThat(db.diskUsage().allocatedBytes()).as("blocks allocated").isGreaterThanOrEqualTo(64 * MIB);
      long data = fileSize("data");
      long table = fileSize("regions");
      for (int v = 0; v < 12; v++) {
        LongVec vec = db.longVec("v" + v, NumberType.I64, VecOptions.of(Format.BYTES));
        for (long i = 0; i < 250_000; i++) {
          vec.push(i * v);
        }
        vec.write();
      }
      db.flush();
      assertThat(fileSize("data")).as("24 MB written into the reserved space").isEqualTo(data);
      assertThat(fileSize("regions")).as("12 vectors took reserved slots").isEqualTo(table);
      long allocated = db.diskUsage().allocatedBytes();
      long punched = db.compact().unusedBytes();
      assertThat(punched).as("the regions' reserved tails").isPositive();
      assertThat(db.diskUsage().allocatedBytes()).as("compaction keeps the file's reserved tail")
          .isGreaterThanOrEqualTo(allocated - punched);
    }
    try (Database db = Database.open(dir)) {
      for (int v = 0; v < 12; v++) {
        LongVec vec = db.longVec("v" + v, NumberType.I64, VecOptions.of(Format.BYTES));
        assertThat(vec.len()).isEqualTo(250_000);
        assertThat(vec.get(249_999)).isEqualTo(249_999L * v);
      }
    }
  }

  @Test
  void theOptionPreallocatesAtOpenAndNeverShrinks() throws IOException {
    try (Database db = Database.open(dir, DatabaseOptions.DEFAULT.withPreallocation(8 * MIB, 100))) {
      assertThat(fileSize("data")).isGreaterThanOrEqualTo(8 * MIB);
      db.flush();
    }
    long table = fileSize("regions");
    assertThat(table).as("100 slots of 2 KiB after the 4 KiB header").isGreaterThanOrEqualTo(4096 + 100 * 2048);
    try (Database db = Database.open(dir, DatabaseOptions.DEFAULT.withPreallocation(MIB, 10))) {
      db.flush();
      assertThat(fileSize("data")).isGreaterThanOrEqualTo(8 * MIB);
    }
    assertThat(fileSize("regions")).isEqualTo(table);
  }

  @Test
  void aFailedAllocationIsReportedAndTheDatabaseGoesOn() {
    FaultyIo io = new FaultyIo().failWhen(c -> c.kind().equals("allocate"), FaultyIo::ioError);
    try (Database db = Database.open(dir, io)) {
      LongVec v = db.longVec("v", NumberType.I64, VecOptions.of(Format.BYTES));
      v.push(1);
      v.write();
      db.flush();
      assertThatThrownBy(() -> db.preallocate(8 * MIB, 0)).isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot preallocate").hasMessageContaining("Input/output error");
      assertThat(io.history()).extracting(FaultyIo.Call::kind).contains("allocate");
      v.push(2);
      v.write();
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      assertThat(db.longVec("v", NumberType.I64, VecOptions.of(Format.BYTES)).collect()).containsExactly(1L, 2L);
    }
  }

  @Test
  void wrongAmountsAndReadOnlyDatabasesAreRefused() {
    assertThatThrownBy(() -> DatabaseOptions.DEFAULT.withPreallocation(-1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> DatabaseOptions.DEFAULT.withReadOnly(true).withPreallocation(MIB, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> db.preallocate(0, -3)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(dir.getFileName().toString());
      db.flush();
    }
    try (Database db = Database.open(dir, DatabaseOptions.DEFAULT.withReadOnly(true))) {
      assertThatThrownBy(() -> db.preallocate(MIB, 0)).isInstanceOf(ReadOnlyException.class);
    }
  }
}
