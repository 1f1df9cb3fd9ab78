package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.Internals;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.compress.pco.PcoDecoder;
import dev.vecdb.compress.pco.PcoHeader;
import dev.vecdb.compress.pco.PcoNumberType;
import dev.vecdb.store.Region;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What is specific to the PCO format: numeric types only, every numeric type bit-exact through full pco pages and
 * the raw tail, full pages stored as standalone pco blobs (what Rust pco reads), and the size of a 10M sequential
 * {@code u64} vector.
 */
class PcoVecTest {
  private static final VecOptions PCO = VecOptions.of(Format.PCO);

  @TempDir Path dir;

  @Test
  void nonNumericValueTypesAreRefusedWhenOpening() {
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> db.bytesVec("hashes", 32, PCO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("vector 'hashes'")
          .hasMessageContaining("PCO compresses numeric values only");
      assertThatThrownBy(() -> db.recordVec("points", Point.class, PCO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("vector 'points'")
          .hasMessageContaining("PCO compresses numeric values only");
      assertThat(Internals.regions(db).contains("hashes")).as("nothing created for a refused vector").isFalse();
    }
  }

  /** A record value type, which PCO cannot compress. */
  record Point(long x, long y) {}

  @ParameterizedTest
  @EnumSource(NumberType.class)
  void everyNumericTypeRoundTripsBitExactlyThroughPagesAndTail(NumberType type) {
    int perPage = 16384 / type.size();
    long[] bits = values(type, 3 * perPage + 123, new SplittableRandom(type.ordinal()));
    try (Database db = Database.open(dir)) {
      TypedVec v = TypedVec.open(db, "v", type, PCO);
      v.pushAll(bits);
      v.write();
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      TypedVec v = TypedVec.open(db, "v", type, PCO);
      assertThat(v.len()).isEqualTo(bits.length);
      assertThat(v.readAll()).as("values after reopen").isEqualTo(bits);
      long rawBytes = (long) bits.length * type.size();
      assertThat(Internals.regions(db).get("v").length()).as("compressed pages").isLessThan(rawBytes * 3 / 4);
    }
  }

  @Test
  void fullPagesAreStandalonePcoBlobs() {
    long[] bits = values(NumberType.F64, 2 * 2048 + 5, new SplittableRandom(1));
    try (Database db = Database.open(dir)) {
      TypedVec v = TypedVec.open(db, "prices", NumberType.F64, PCO);
      v.pushAll(bits);
      v.write();
      db.flush();
      Region data = Internals.regions(db).get("prices");
      PageTable table = PageTable.decode(Internals.regions(db).get("prices@pages").segment(), "prices", 2048, 8, data.length());
      assertThat(table.size()).isEqualTo(3);
      PcoDecoder decoder = new PcoDecoder();
      double[] out = new double[2048];
      for (int p = 0; p < 2; p++) {
        PageTable.Page page = table.page(p);
        assertThat(page.raw()).isFalse();
        MemorySegment blob = data.segment().asSlice(page.offset(), page.bytes());
        assertThat(decoder.readHeader(blob)).isEqualTo(new PcoHeader(PcoNumberType.F64, 2048));
        assertThat(decoder.decode(blob, PcoNumberType.F64, out, 0)).isEqualTo(2048);
        assertThat(decoder.lastInputLength()).isEqualTo(page.bytes());
        for (int i = 0; i < 2048; i++) {
          assertThat(Double.doubleToRawLongBits(out[i])).isEqualTo(bits[p * 2048 + i]);
        }
      }
      assertThat(table.page(2).raw()).as("the partial last page").isTrue();
      assertThat(table.page(2).bytes()).isEqualTo(5 * 8);
    }
  }

  @Test
  void tenMillionSequentialU64TakeAtMost400Kb() {
    int n = 10_000_000;
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("seq", NumberType.U64, PCO);
      for (long i = 0; i < n; i++) {
        v.push(i);
      }
      v.write();
      db.flush();
      long stored = Internals.regions(db).get("seq").length() + Internals.regions(db).get("seq@pages").length();
      System.out.printf("PCO 10M sequential u64: %d bytes (pages and page table)%n", stored);
      assertThat(stored).isLessThanOrEqualTo(400_000);
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("seq", NumberType.U64, PCO);
      assertThat(v.len()).isEqualTo(n);
      assertThat(v.get(0)).isZero();
      assertThat(v.get(n - 1)).isEqualTo(n - 1);
      assertThat(v.fold(0, n, 0L, Long::sum)).isEqualTo((long) n * (n - 1) / 2);
    }
  }

  /**
   * Raw bit patterns of the type: a ramp, a random walk, random values and, for floats, NaN payloads, -0.0,
   * infinities and subnormals, so that several pco modes and the raw fallback are exercised.
   */
  private static long[] values(NumberType type, int n, SplittableRandom rnd) {
    long mask = type.size() == 8 ? -1L : (1L << (8 * type.size())) - 1;
    long[] out = new long[n];
    long walk = 0;
    for (int i = 0; i < n; i++) {
      walk += rnd.nextInt(21) - 10;
      long v = switch (i * 4 / n) {
        case 0 -> i;
        case 1 -> walk;
        case 2 -> rnd.nextLong();
        default -> i % 97 == 0 ? rnd.nextLong() : walk;
      };
      out[i] = type.isFloating() ? floatBits(type, i, v, rnd) : v & mask;
    }
    return out;
  }

  private static long floatBits(NumberType type, int i, long v, SplittableRandom rnd) {
    boolean f64 = type == NumberType.F64;
    if (i % 50 == 7) {
      long[] specials = f64
          ? new long[] {0x7ff8_0000_0000_1234L, 0x8000_0000_0000_0000L, 0x7ff0_0000_0000_0000L, 1L,
              0xfff0_0000_0000_0000L}
          : new long[] {0x7fc0_1234L, 0x8000_0000L, 0x7f80_0000L, 1L, 0xff80_0000L};
      return specials[rnd.nextInt(specials.length)];
    }
    double x = v / 100.0;
    return f64 ? Double.doubleToRawLongBits(x) : Float.floatToRawIntBits((float) x) & 0xFFFF_FFFFL;
  }
}
