package dev.vecdb.bench;

import dev.vecdb.codec.NumberType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * The four value series of the paged-format benchmarks, generated from a fixed seed as little-endian bytes (the
 * stored form of every paged format).
 */
public enum Dataset {
  /** {@code u64} value = index: the best case of every codec. */
  SEQUENTIAL_U64(NumberType.U64),
  /** {@code f64} prices with two decimals, a random walk of -50..+50 cents a step from 61,250.00. */
  PRICE_F64(NumberType.F64),
  /** {@code i32} uniform in {@code [0, 1000)}: few significant bits. */
  SMALL_I32(NumberType.I32),
  /** {@code u64} uniform: incompressible. */
  RANDOM_U64(NumberType.U64);

  static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  final NumberType type;

  Dataset(NumberType type) {
    this.type = type;
  }

  /** The first {@code n} values, little-endian, {@code n * type.size()} bytes. */
  MemorySegment values(int n) {
    MemorySegment out = MemorySegment.ofArray(new byte[n * type.size()]);
    SplittableRandom random = new SplittableRandom(42);
    long cents = 6_125_000;
    for (int i = 0; i < n; i++) {
      switch (this) {
        case SEQUENTIAL_U64 -> out.setAtIndex(LONG, i, i);
        case PRICE_F64 -> {
          cents += random.nextInt(-50, 51);
          out.setAtIndex(DOUBLE, i, cents / 100.0);
        }
        case SMALL_I32 -> out.setAtIndex(INT, i, random.nextInt(1000));
        case RANDOM_U64 -> out.setAtIndex(LONG, i, random.nextLong());
      }
    }
    return out;
  }
}
