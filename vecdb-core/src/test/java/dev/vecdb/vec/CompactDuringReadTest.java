package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A read of an older state (a snapshot, or a fold or forEach that began before the writer truncated) keeps reading
 * that state's values when the writer truncates, writes and compacts meanwhile: {@code compact()} punches the
 * reserved tails of regions, and the bytes of a raw vector's truncated values lie in that tail.
 */
class CompactDuringReadTest {
  private static final int VALUES = 100_000;

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Format.class)
  void aSnapshotTakenBeforeATruncationReadsItsValuesAfterACompaction(Format format) {
    try (Database db = Database.open(tmp.resolve("db"))) {
      LongVec vec = db.longVec("v", NumberType.I64, VecOptions.of(format));
      for (long i = 0; i < VALUES; i++) {
        vec.push(i * 7 + 1);
      }
      vec.flush();
      try (LongReader reader = vec.reader()) {
        LongReadable before = reader.snapshot();
        vec.truncate(100);
        vec.write();
        assumeThat(db.compact().punched()).as("hole punching needs native access on Linux").isTrue();
        List<Long> wrong = new ArrayList<>();
        for (long i = 0; i < VALUES && wrong.size() < 5; i += 97) {
          long v = before.get(i);
          if (v != i * 7 + 1) {
            wrong.add(i);
          }
        }
        assertThat(wrong).as("indices of the snapshot whose value changed after the compaction").isEmpty();
      }
    }
  }
}
