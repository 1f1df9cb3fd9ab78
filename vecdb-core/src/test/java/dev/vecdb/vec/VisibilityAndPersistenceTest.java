package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.TestFiles;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code write()} makes visible (to every handle and reader in the process, on any thread, without a flush) and
 * what {@code flush()} makes durable (across close and reopen): values, updates, holes, truncation, reset, stamp;
 * and how {@code fillFirstHoleOrPush} fills holes in order across the stored/pushed boundary and a reopen.
 */
class VisibilityAndPersistenceTest {
  @TempDir Path dir;
  @TempDir Path crashImage;

  private static VecOptions options(Format format) {
    return VecOptions.of(format);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void writtenDataIsVisibleEverywhereAtOnceButDurableOnlyAfterFlush(Format format) throws Exception {
    try (Database db = Database.open(dir); ExecutorService other = Executors.newSingleThreadExecutor()) {
      LongVec v = db.longVec("seen", NumberType.I64, options(format));
      LongReader early = v.reader();
      for (long i = 0; i < 100; i++) {
        v.push(i);
      }
      assertThat(early.len()).as("pushed values are the writer's alone").isZero();
      assertThat(db.longVec("seen", NumberType.I64, options(format))).as("a second handle is the same vector")
          .isSameAs(v);
      v.write();
      assertThat(early.len()).as("a reader opened before the write grows with it").isEqualTo(100);
      assertThat(early.get(99)).isEqualTo(99);
      long[] fromAnotherThread = other.submit(() -> {
        try (LongReader r = v.reader()) {
          return r.collect();
        }
      }).get();
      assertThat(fromAnotherThread).hasSize(100).startsWith(0, 1, 2).endsWith(99);
      TestFiles.crashCopy(dir, crashImage.resolve("unflushed"));
      try (Database image = Database.open(crashImage.resolve("unflushed"))) {
        assertThat(image.longVec("seen", NumberType.I64, options(format)).len())
            .as("written but not flushed: not durable").isZero();
      }

      v.update(5, -5);
      v.delete(6);
      v.truncate(50);
      assertThat(early.get(5)).as("updates wait for the write").isEqualTo(5);
      assertThat(early.isHole(6)).as("deletions wait for the write").isFalse();
      assertThat(early.len()).as("truncation shrinks readers at once").isEqualTo(50);
      assertThatThrownBy(() -> early.get(60)).isInstanceOf(OutOfRangeException.class);
      v.write();
      assertThat(early.get(5)).isEqualTo(-5);
      assertThat(early.isHole(6)).isTrue();
      assertThat(other.submit(() -> {
        try (LongReader r = v.reader()) {
          return r.toJson(4, 8);
        }
      }).get()).isEqualTo("[4,-5,null,7]");
      v.flush();
      TestFiles.crashCopy(dir, crashImage.resolve("flushed"));
      try (Database image = Database.open(crashImage.resolve("flushed"))) {
        LongVec copy = image.longVec("seen", NumberType.I64, options(format));
        assertThat(copy.toJson(4, 8)).isEqualTo("[4,-5,null,7]");
        assertThat(copy.len()).isEqualTo(50);
      }

      v.reset();
      assertThat(early.len()).as("reset empties readers at once").isZero();
      v.write();
      assertThat(v.regionNames()).as("no hole set left behind").containsExactly("seen");
      early.close();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void flushedStateSurvivesReopenAndUnflushedStateDoesNot(Format format) {
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("kept", NumberType.U64, options(format));
      for (long i = 0; i < 10; i++) {
        v.push(-i);
      }
      v.delete(3);
      v.stampedWrite(42);
      db.flush();
      v.update(0, 7);
      v.delete(4);
      v.push(99);
      v.write();
      v.push(100);
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("kept", NumberType.U64, options(format));
      assertThat(v.len()).as("the write after the flush is gone").isEqualTo(10);
      assertThat(v.get(0)).isZero();
      assertThat(v.holes()).containsExactly(3);
      assertThat(v.stamp()).isEqualTo(42);
      assertThat(v.regionNames()).containsExactly("kept", "kept@holes");
      v.update(3, 3);
      v.truncate(8);
      v.flush();
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("kept", NumberType.U64, options(format));
      assertThat(v.collect()).containsExactly(0, -1, -2, 3, -4, -5, -6, -7);
      assertThat(v.holes()).isEmpty();
      assertThat(v.regionNames()).as("the emptied hole set is removed").containsExactly("kept");
      v.clear();
      v.write();
      db.flushAndClose();
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("kept", NumberType.U64, options(format));
      assertThat(v.len()).isZero();
      assertThat(v.stamp()).as("clear keeps the stamp").isEqualTo(42);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void fillFirstHoleOrPushFillsTheSmallestHoleFirst(Format format) {
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("slots", NumberType.U32, options(format));
      for (int i = 0; i < 10; i++) {
        v.push(i);
      }
      v.write();
      v.push(10);
      v.push(11);
      v.delete(7);
      v.delete(11);
      v.delete(2);
      assertThat(v.firstEmptyIndex()).isEqualTo(2);
      assertThat(v.fillFirstHoleOrPush(-2)).isEqualTo(2);
      v.flush();
    }
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("slots", NumberType.U32, options(format));
      assertThat(v.holes()).containsExactly(7, 11);
      assertThat(v.fillFirstHoleOrPush(-7)).as("a stored hole").isEqualTo(7);
      assertThat(v.fillFirstHoleOrPush(-11)).as("the hole of a once-pushed value").isEqualTo(11);
      assertThat(v.firstEmptyIndex()).isEqualTo(12);
      assertThat(v.fillFirstHoleOrPush(-12)).as("no hole left: pushed").isEqualTo(12);
      assertThat(v.pushedLen()).isEqualTo(1);
      assertThat(v.toCsv(0, 13)).isEqualTo("0\n1\n4294967294\n3\n4\n5\n6\n4294967289\n8\n9\n10\n4294967285\n"
          + "4294967284\n");
      v.write();
      try (IntReader r = v.reader()) {
        assertThat(r.collect()).hasSize(13);
        assertThat(r.get(11)).isEqualTo(-11);
      }
    }
  }
}
