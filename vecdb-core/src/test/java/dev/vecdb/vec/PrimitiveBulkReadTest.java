package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated vectors of every primitive width read into their own arrays ({@code read(from, int[] ...)}, ...)
 * and sum correctly across the stored/pushed boundary with an update and a hole on each side, from the writer and
 * from a reader after the write, on both raw formats.
 */
class PrimitiveBulkReadTest {
  private static final int STORED = 5_000;
  private static final int LEN = 10_000;

  /** Pushes and updates a value given as a long. */
  interface Writes<V> {
    void push(V vec, long value);

    void update(V vec, long index, long value);
  }

  /** Bulk-reads {@code length} values from {@code from} of a vector or reader into its primitive array. */
  interface BulkRead {
    long[] read(Object readable, long from, int length);
  }

  /** One generated vector class seen through longs. */
  record Primitive<V extends StoredVec>(String label, BiFunction<Database, VecOptions, V> open, Writes<V> writes,
      BulkRead bulk, BiFunction<Object, Long, Number> sumTo, Function<V, AutoCloseable> reader) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static final Primitive<IntVec> INT = new Primitive<>("i32", (db, o) -> db.intVec("v", NumberType.I32, o),
      new Writes<>() {
        public void push(IntVec v, long x) {
          v.push((int) x);
        }

        public void update(IntVec v, long i, long x) {
          v.update(i, (int) x);
        }
      }, (r, from, n) -> {
        int[] a = new int[n];
        return IntStream.of(a).limit(((IntReadable) r).read(from, a, 0, n)).asLongStream().toArray();
      }, (r, to) -> ((IntReadable) r).sum(0, to), IntVec::reader);

  private static final Primitive<ShortVec> SHORT = new Primitive<>("i16",
      (db, o) -> db.shortVec("v", NumberType.I16, o), new Writes<>() {
        public void push(ShortVec v, long x) {
          v.push((short) x);
        }

        public void update(ShortVec v, long i, long x) {
          v.update(i, (short) x);
        }
      }, (r, from, n) -> {
        short[] a = new short[n];
        int k = ((ShortReadable) r).read(from, a, 0, n);
        return IntStream.range(0, k).mapToLong(j -> a[j]).toArray();
      }, (r, to) -> ((ShortReadable) r).sum(0, to), ShortVec::reader);

  private static final Primitive<ByteVec> BYTE = new Primitive<>("i8", (db, o) -> db.byteVec("v", NumberType.I8, o),
      new Writes<>() {
        public void push(ByteVec v, long x) {
          v.push((byte) x);
        }

        public void update(ByteVec v, long i, long x) {
          v.update(i, (byte) x);
        }
      }, (r, from, n) -> {
        byte[] a = new byte[n];
        int k = ((ByteReadable) r).read(from, a, 0, n);
        return IntStream.range(0, k).mapToLong(j -> a[j]).toArray();
      }, (r, to) -> ((ByteReadable) r).sum(0, to), ByteVec::reader);

  private static final Primitive<DoubleVec> DOUBLE = new Primitive<>("f64", (db, o) -> db.doubleVec("v", o),
      new Writes<>() {
        public void push(DoubleVec v, long x) {
          v.push(x);
        }

        public void update(DoubleVec v, long i, long x) {
          v.update(i, x);
        }
      }, (r, from, n) -> {
        double[] a = new double[n];
        return DoubleStream.of(a).limit(((DoubleReadable) r).read(from, a, 0, n)).mapToLong(d -> (long) d).toArray();
      }, (r, to) -> ((DoubleReadable) r).sum(0, to), DoubleVec::reader);

  private static final Primitive<FloatVec> FLOAT = new Primitive<>("f32", (db, o) -> db.floatVec("v", o),
      new Writes<>() {
        public void push(FloatVec v, long x) {
          v.push(x);
        }

        public void update(FloatVec v, long i, long x) {
          v.update(i, x);
        }
      }, (r, from, n) -> {
        float[] a = new float[n];
        int k = ((FloatReadable) r).read(from, a, 0, n);
        return IntStream.range(0, k).mapToLong(j -> (long) a[j]).toArray();
      }, (r, to) -> ((FloatReadable) r).sum(0, to), FloatVec::reader);

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(INT, SHORT, BYTE, DOUBLE, FLOAT).flatMap(p -> Stream.of(Format.BYTES, Format.ZERO_COPY)
        .map(f -> Arguments.of(p, f)));
  }

  private static long value(long i) {
    return i % 100 - 50;
  }

  /** The expected values of {@code [from, from + length)}: the updates and holes around the boundary applied. */
  private static long[] expected(long from, int length) {
    return LongStream.range(from, Math.min(LEN, from + length))
        .filter(i -> i != STORED - 2 && i != STORED + 1)
        .map(i -> i == STORED - 1 ? -99 : i == STORED ? 99 : value(i)).toArray();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  <V extends StoredVec> void bulkReadsAndSumsAcrossTheBoundary(Primitive<V> p, Format format) throws Exception {
    try (Database db = Database.open(dir)) {
      V vec = p.open().apply(db, VecOptions.of(format));
      for (long i = 0; i < LEN; i++) {
        p.writes().push(vec, value(i));
        if (i == STORED - 1) {
          vec.write();
        }
      }
      p.writes().update(vec, STORED - 1, -99);
      p.writes().update(vec, STORED, 99);
      vec.delete(STORED - 2);
      vec.delete(STORED + 1);
      assertReads(p, vec);
      vec.flush();
      try (AutoCloseable reader = p.reader().apply(vec)) {
        assertReads(p, reader);
      }
    }
  }

  private static void assertReads(Primitive<?> p, Object readable) {
    for (long from : List.of(0L, STORED - 10L, STORED - 2L, STORED + 1L, LEN - 3L)) {
      for (int length : new int[] {1, 3, 20, 4_000}) {
        assertThat(p.bulk().read(readable, from, length)).as("read(%d, %d)", from, length)
            .isEqualTo(expected(from, length));
      }
    }
    long[] all = expected(0, LEN);
    assertThat(p.bulk().read(readable, 0, LEN)).isEqualTo(all);
    assertThat(p.sumTo().apply(readable, (long) LEN).longValue()).isEqualTo(Arrays.stream(all).sum());
    assertThat(p.sumTo().apply(readable, STORED + 2L).longValue()).isEqualTo(Arrays.stream(expected(0, STORED + 2))
        .sum());
  }
}
