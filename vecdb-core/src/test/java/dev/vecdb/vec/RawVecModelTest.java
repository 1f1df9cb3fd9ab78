package dev.vecdb.vec;

import dev.vecdb.Format;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random operations on a raw {@link LongVec} ({@code i64} and {@code u64}, {@code BYTES} and
 * {@code ZERO_COPY}) against an in-memory model, with writes, flushes, closes and reopens in between; every read path
 * of the vector and of a reader is compared with the model after every step (see {@link LongModelRun}). A failure
 * names its seed; rerun one seed with {@code -Dvecdb.model.seed=N}, longer runs with {@code -Dvecdb.model.steps=N}.
 */
class RawVecModelTest {
  private static final int STEPS = Integer.getInteger("vecdb.model.steps", 2_500);

  @TempDir Path dir;

  static Stream<Arguments> runs() {
    Long only = Long.getLong("vecdb.model.seed");
    LongStream seeds = only != null ? LongStream.of(only) : LongStream.rangeClosed(1, 4);
    return seeds.boxed().flatMap(seed -> Stream.of(Format.BYTES, Format.ZERO_COPY)
        .map(format -> Arguments.of(format, seed % 2 == 0 ? NumberType.I64 : NumberType.U64, seed)));
  }

  @ParameterizedTest(name = "{0} {1} seed {2}")
  @MethodSource("runs")
  void randomOperationsMatchTheModel(Format format, NumberType type, long seed) {
    new LongModelRun(dir, format, type, seed).run(STEPS);
  }
}
